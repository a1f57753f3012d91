//! The customers on credit hold as a CSV file for the sales team: who, since when, why and
//! by whom, their salesperson, and what they owe, so no one sells to them on credit.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::spreadsheet::{block, number, text, with_bom};
use crate::domain::allocation::Allocation;
use crate::domain::customer::CustomerId;
use crate::domain::portfolio::Portfolio;

/// Column titles in the reader's language.
pub struct HoldCsvLabels<'a> {
    pub customer_id: &'a str,
    pub customer: &'a str,
    pub tax_id: &'a str,
    pub salesperson: &'a str,
    pub collector: &'a str,
    pub since: &'a str,
    pub reason: &'a str,
    pub by: &'a str,
    pub balance: &'a str,
    pub currency: &'a str,
}

/// One row per customer on hold and currency they owe in (one row with no balance when they
/// owe nothing), by name.
pub fn holds_csv(portfolio: &Portfolio, today: NaiveDate, labels: &HoldCsvLabels) -> String {
    let allocation = Allocation::compute(portfolio, today);
    // One walk over the accounts, not one per customer on hold: an office holds thousands.
    let mut owed: BTreeMap<&CustomerId, Vec<(String, String)>> = BTreeMap::new();
    for ledger in allocation.ledgers() {
        if ledger.owes() && portfolio.credit_holds.contains_key(ledger.customer) {
            owed.entry(ledger.customer)
                .or_default()
                .push((number(&ledger.balance()), ledger.currency.to_string()));
        }
    }
    let mut held: Vec<_> = portfolio
        .credit_holds
        .iter()
        .filter_map(|(id, hold)| Some((id, hold, portfolio.customers.get(id)?)))
        .collect();
    held.sort_by(|(a_id, _, a), (b_id, _, b)| (&a.name, a_id).cmp(&(&b.name, b_id)));
    let mut records = vec![[
        labels.customer_id,
        labels.customer,
        labels.tax_id,
        labels.salesperson,
        labels.collector,
        labels.since,
        labels.reason,
        labels.by,
        labels.balance,
        labels.currency,
    ]
    .map(str::to_owned)
    .to_vec()];
    for (id, hold, customer) in held {
        let balances = owed
            .remove(id)
            .unwrap_or_else(|| vec![(String::new(), String::new())]);
        for (balance, currency) in balances {
            records.push(vec![
                text(&id.0),
                text(&customer.name),
                text(&customer.tax_id),
                text(&customer.salesperson),
                text(&customer.collector),
                hold.since.to_string(),
                text(&hold.reason),
                text(&hold.by),
                balance,
                currency,
            ]);
        }
    }
    with_bom(&[block(records)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::credit_hold::CreditHold;
    use crate::domain::customer::Customer;
    use crate::domain::invoice::{Invoice, InvoiceId, Terms};
    use crate::domain::money::{Currency, Money};
    use rust_decimal::dec;

    #[test]
    fn each_held_customer_with_its_salesperson_reason_and_balance() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("a day");
        let mut p = Portfolio::default();
        for (id, name) in [
            ("C1", "=Zapatería"),
            ("C2", "Abarrotes Ana"),
            ("C3", "Libre"),
        ] {
            let customer = Customer {
                name: name.into(),
                salesperson: "Diana Castro".into(),
                ..Customer::default()
            };
            p.customers.insert(CustomerId(id.into()), customer);
        }
        let invoice = Invoice {
            customer: CustomerId("C1".into()),
            issued_on: day(1),
            terms: Terms::single(Money::new(dec!(1500000.50), Currency::COP), day(2))
                .expect("terms"),
            kind: Default::default(),
        };
        p.invoices.insert(InvoiceId("F1".into()), invoice);
        for id in ["C1", "C2"] {
            let hold = CreditHold {
                reason: "atraso de 79 días".into(),
                since: day(20),
                by: "Oficina".into(),
            };
            p.credit_holds.insert(CustomerId(id.into()), hold);
        }
        let labels = HoldCsvLabels {
            customer_id: "cliente_id",
            customer: "cliente",
            tax_id: "nit",
            salesperson: "vendedor",
            collector: "cobrador",
            since: "desde",
            reason: "motivo",
            by: "por",
            balance: "saldo",
            currency: "moneda",
        };
        assert_eq!(
            holds_csv(&p, day(30), &labels),
            "\u{feff}cliente_id,cliente,nit,vendedor,cobrador,desde,motivo,por,saldo,moneda\n\
             C1,'=Zapatería,,Diana Castro,,2026-11-20,atraso de 79 días,Oficina,1500000.5,COP\n\
             C2,Abarrotes Ana,,Diana Castro,,2026-11-20,atraso de 79 días,Oficina,,\n"
        );
    }
}
