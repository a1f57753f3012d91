//! The «Política de crédito y cobranza» a business hands each customer from the first day
//! (prevention): the customer's own terms and the rules the company's devices apply, read
//! from the same settings, so what the customer is told is what the collector does.

use super::company_settings::CompanySettings;
use super::contact_policy::PolicyRule;
use super::credit_hold::CreditHold;
use super::credit_terms::CreditTerms;
use super::customer::Customer;
use super::interest_cap::CapRule;
use super::late_interest::InterestBasis;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditPolicy<'a> {
    pub company: &'a str,
    pub customer: &'a Customer,
    pub terms: &'a CreditTerms,
    /// How to pay, as the business wrote it; empty when it wrote nothing.
    pub payment_methods: &'a str,
    /// The days, counted from each due date, on which a reminder goes out: earliest first,
    /// each once.
    pub reminder_days: Vec<i32>,
    /// When and how often the customer may be contacted, each rule with its article.
    pub contact_rules: &'a [PolicyRule],
    pub interest: &'a InterestBasis,
    pub cap: CapRule,
    /// The hold in force, if the customer's credit is withdrawn today.
    pub hold: Option<&'a CreditHold>,
}

pub fn credit_policy<'a>(
    settings: &'a CompanySettings,
    customer: &'a Customer,
    hold: Option<&'a CreditHold>,
) -> CreditPolicy<'a> {
    let outreach = &settings.outreach;
    CreditPolicy {
        company: outreach.company.trim(),
        customer,
        terms: &customer.credit_terms,
        payment_methods: outreach.payment_methods.trim(),
        reminder_days: outreach.reminders.days(),
        contact_rules: &outreach.policy.rules,
        interest: &settings.interest,
        cap: settings.interest_terms().cap,
        hold,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact_policy::Preset;
    use crate::domain::money::{Currency, Money};
    use rust_decimal::dec;

    #[test]
    fn says_the_customers_terms_and_the_companys_rules_as_the_devices_apply_them() {
        let mut settings = CompanySettings::default();
        settings.outreach.company = " Distribuidora Andina ".into();
        settings.outreach.reminders.steps = vec![3, -3, 0, 3];
        settings.outreach.policy = Preset::Chile.policy();
        settings.interest = InterestBasis::LegalMaximum;
        let customer = Customer {
            credit_terms: CreditTerms {
                payment_days: Some(30),
                limits: vec![Money::new(dec!(5000000), Currency::COP)],
            },
            ..Customer::default()
        };
        let policy = credit_policy(&settings, &customer, None);
        assert_eq!(policy.company, "Distribuidora Andina");
        assert_eq!(policy.terms.payment_days, Some(30));
        assert_eq!(policy.reminder_days, vec![-3, 0, 3]);
        assert_eq!(policy.cap, CapRule::CurrentRate);
        assert_eq!(
            policy.contact_rules,
            Preset::Chile.policy().rules.as_slice()
        );
    }
}
