use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::customer::CustomerId;
use super::invoice::InvoiceId;
use super::money::{Currency, Money};
use super::receipt::Receipt;

/// Unique without coordination: it is the id of the operation that recorded the payment.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PaymentId(pub SmolStr);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Cash,
    Transfer,
    BankDeposit,
    Card,
    DigitalWallet,
    Cheque,
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub customer: CustomerId,
    #[serde(with = "crate::domain::wire::day")]
    pub received_on: NaiveDate,
    pub amount: Money,
    pub method: PaymentMethod,
    /// Short (a bank's or a transfer's code), so it sits inline like the ids do.
    pub reference: SmolStr,
    /// Invoices the customer said this pays, in order; empty means oldest due first.
    pub applies_to: Vec<InvoiceId>,
    /// The receipt handed to the customer, when the payment was taken in the field.
    #[serde(default)]
    pub receipt: Option<Receipt>,
}

/// A payment recorded by mistake: it stays on record with why and when it was voided, and
/// no longer pays anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoidedPayment {
    pub payment: Payment,
    pub reason: String,
    pub voided_on: Option<NaiveDate>,
}

/// The currency a payment is in: that of the invoice it names, else of the oldest of `open`
/// (the customer's open invoices, oldest first); a customer who owes nothing pays in advance
/// in the usual currency.
pub fn payment_currency(open: &[(InvoiceId, Money)], names: Option<&InvoiceId>) -> Currency {
    open.iter()
        .find(|(id, _)| Some(id) == names)
        .or(open.first())
        .map_or(Currency::USUAL, |(_, money)| money.currency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn a_payment_is_in_the_currency_of_what_it_pays() {
        let usd = Currency::parse("USD").expect("a code");
        let open = [
            (
                InvoiceId("F-1".into()),
                Money::new(dec!(100), Currency::COP),
            ),
            (InvoiceId("F-2".into()), Money::new(dec!(5), usd)),
        ];
        assert_eq!(payment_currency(&open, Some(&InvoiceId("F-2".into()))), usd);
        assert_eq!(payment_currency(&open, None), Currency::COP, "the oldest");
        assert_eq!(payment_currency(&open[1..], None), usd);
        assert_eq!(payment_currency(&[], None), Currency::USUAL, "in advance");
    }
}
