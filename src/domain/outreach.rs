//! How a business reaches its debtors: the contact policy it works under, its reminder steps,
//! its own wording of each message, and what every message signs with.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::contact_policy::ContactPolicy;
use super::message_template::{DetailLine, MessageKind, MessageValues};
use super::money::Totals;
use super::reminder::{ReminderItem, ReminderSchedule};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutreachSettings {
    pub policy: ContactPolicy,
    pub reminders: ReminderSchedule,
    /// The business's own wording; a kind without one uses the language's default.
    #[serde(default)]
    pub templates: Vec<(MessageKind, String)>,
    #[serde(default)]
    pub company: String,
    /// How customers can pay, as the business wants it written ("Nequi 300 123 4567").
    #[serde(default)]
    pub payment_methods: String,
    /// The company's own tax id and address, for the letters it signs as creditor.
    #[serde(default)]
    pub company_tax_id: String,
    #[serde(default)]
    pub company_address: String,
}

impl OutreachSettings {
    pub fn template(&self, kind: MessageKind) -> Option<&str> {
        self.templates
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, text)| text.as_str())
    }

    /// Sets the wording of `kind`; `None` goes back to the default.
    pub fn set_template(&mut self, kind: MessageKind, text: Option<String>) {
        self.templates.retain(|(k, _)| *k != kind);
        if let Some(text) = text {
            self.templates.push((kind, text));
        }
    }

    /// What a collector's message to `customer` says about their open `items`: the ones it
    /// asks for (see [`asked_for`]), signed by the business and `collector`.
    pub fn asking(
        &self,
        customer: &str,
        items: &[ReminderItem],
        collector: &str,
        today: NaiveDate,
    ) -> MessageValues {
        self.values(customer, &asked_for(items, today), collector, today)
    }

    /// What a message about `items` says: what they add up to, the earliest due date and
    /// how late it is, signed by the business and `collector`.
    pub fn values(
        &self,
        customer: &str,
        items: &[ReminderItem],
        collector: &str,
        today: NaiveDate,
    ) -> MessageValues {
        let mut totals = Totals::default();
        for item in items {
            totals.add(item.open);
        }
        let mut invoices: Vec<String> = items.iter().map(|i| i.invoice.0.to_string()).collect();
        invoices.dedup();
        let due_on = items.iter().map(|i| i.due_on).min();
        MessageValues {
            customer: customer.to_owned(),
            amounts: totals.iter().collect(),
            due_on,
            days_overdue: due_on.map_or(0, |d| (today - d).num_days()),
            invoices,
            details: items
                .iter()
                .map(|i| DetailLine {
                    invoice: i.invoice.0.to_string(),
                    due_on: i.due_on,
                    open: i.open,
                })
                .collect(),
            payment_methods: self.payment_methods.clone(),
            company: self.company.clone(),
            collector: collector.to_owned(),
            interest: None,
        }
    }
}

/// The dues a collector's message asks for: those overdue when there are any, else all open.
pub fn asked_for(items: &[ReminderItem], today: NaiveDate) -> Vec<ReminderItem> {
    let overdue: Vec<ReminderItem> = items.iter().filter(|i| i.due_on < today).cloned().collect();
    if overdue.is_empty() {
        items.to_vec()
    } else {
        overdue
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::Objective;
    use crate::domain::invoice::InvoiceId;
    use crate::domain::money::{Currency, Money};
    use rust_decimal::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("a date")
    }

    fn item(invoice: &str, due: u32, amount: rust_decimal::Decimal) -> ReminderItem {
        ReminderItem {
            invoice: InvoiceId(invoice.into()),
            installment: None,
            due_on: day(due),
            open: Money::new(amount, Currency::COP),
        }
    }

    #[test]
    fn a_message_asks_for_what_is_overdue_and_signs_for_the_business() {
        let settings = OutreachSettings {
            company: "Distribuidora Andina".into(),
            ..OutreachSettings::default()
        };
        let items = vec![
            item("A", 1, dec!(100)),
            item("B", 5, dec!(50)),
            item("C", 30, dec!(70)),
        ];
        let asked = asked_for(&items, day(10));
        let values = settings.values("Ana", &asked, "Juan", day(10));
        assert_eq!(values.amounts, vec![Money::new(dec!(150), Currency::COP)]);
        assert_eq!(values.invoices, vec!["A".to_owned(), "B".to_owned()]);
        assert_eq!(values.due_on, Some(day(1)));
        assert_eq!(values.days_overdue, 9);
        assert_eq!(values.company, "Distribuidora Andina");
        assert_eq!(
            asked_for(&items[2..], day(10)).len(),
            1,
            "nothing overdue: all open"
        );
    }

    #[test]
    fn own_wording_replaces_the_default_and_survives_storage() {
        let mut settings = OutreachSettings::default();
        let kind = MessageKind::Objective(Objective::Press);
        settings.set_template(kind, Some("Hola {cliente}".into()));
        settings.set_template(MessageKind::Reminder(-3), Some("Pronto vence".into()));
        let json = serde_json::to_string(&settings).expect("serializes");
        let back: OutreachSettings = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back.template(kind), Some("Hola {cliente}"));
        assert_eq!(
            back.template(MessageKind::Reminder(-3)),
            Some("Pronto vence")
        );
        settings.set_template(kind, None);
        assert_eq!(settings.template(kind), None);
    }
}
