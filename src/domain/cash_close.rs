//! The end-of-day cash close ("cierre de caja") of one collector's device: what was received
//! by method, every receipt issued with the voided ones marked, and the cash to hand over.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::customer::CustomerId;
use super::money::{Money, Totals};
use super::payment::{Payment, PaymentMethod};
use super::portfolio::Portfolio;
use super::receipt::Receipt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiptLine {
    pub receipt: Receipt,
    pub customer: CustomerId,
    pub amount: Money,
    pub method: PaymentMethod,
    /// Why it was voided, when it was.
    pub voided: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CashClose {
    /// In receipt order, voided ones included: a gap in the numbers would need explaining.
    pub receipts: Vec<ReceiptLine>,
    pub by_method: BTreeMap<PaymentMethod, Totals>,
    pub collected: Totals,
    pub cash: Totals,
    pub voided: usize,
}

/// The close of the receipts `issuer` (a device id) gave for payments received on `day`.
pub fn cash_close(portfolio: &Portfolio, issuer: &str, day: NaiveDate) -> CashClose {
    let issued_here = |p: &Payment| {
        p.received_on == day && p.receipt.as_ref().is_some_and(|r| r.issuer == issuer)
    };
    let mut close = CashClose::default();
    let valid = portfolio
        .payments
        .values()
        .filter(|p| issued_here(p))
        .map(|p| (p, None));
    let voided = portfolio
        .voided_payments
        .values()
        .filter(|v| issued_here(&v.payment))
        .map(|v| (&v.payment, Some(v.reason.clone())));
    for (payment, voided) in valid.chain(voided) {
        let Some(receipt) = payment.receipt.clone() else {
            continue;
        };
        if voided.is_some() {
            close.voided += 1;
        } else {
            close
                .by_method
                .entry(payment.method)
                .or_default()
                .add(payment.amount);
            close.collected.add(payment.amount);
            if payment.method == PaymentMethod::Cash {
                close.cash.add(payment.amount);
            }
        }
        close.receipts.push(ReceiptLine {
            receipt,
            customer: payment.customer.clone(),
            amount: payment.amount,
            method: payment.method,
            voided,
        });
    }
    close.receipts.sort_by(|a, b| a.receipt.cmp(&b.receipt));
    close
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;
    use crate::domain::payment::{PaymentId, VoidedPayment};
    use rust_decimal::dec;
    use rust_decimal::Decimal;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid date")
    }

    fn payment(
        issuer: &str,
        counter: u64,
        on: u32,
        amount: Decimal,
        method: PaymentMethod,
    ) -> Payment {
        Payment {
            customer: CustomerId("c".into()),
            received_on: day(on),
            amount: Money::new(amount, Currency::COP),
            method,
            reference: Default::default(),
            applies_to: vec![],
            receipt: Some(Receipt {
                issuer: issuer.into(),
                counter,
            }),
        }
    }

    #[test]
    fn todays_receipts_of_this_device_by_method_with_voids_listed_not_counted() {
        let mut p = Portfolio::default();
        let mine = [
            payment("me", 1, 20, dec!(50000), PaymentMethod::Cash),
            payment("me", 2, 20, dec!(30000), PaymentMethod::DigitalWallet),
            payment("me", 4, 20, dec!(20000), PaymentMethod::Cash),
            payment("me", 0, 19, dec!(99999), PaymentMethod::Cash),
            payment("other", 1, 20, dec!(77777), PaymentMethod::Cash),
        ];
        for (i, pay) in mine.into_iter().enumerate() {
            p.payments.insert(PaymentId(i.to_string().into()), pay);
        }
        p.voided_payments.insert(
            PaymentId("v".into()),
            VoidedPayment {
                payment: payment("me", 3, 20, dec!(10000), PaymentMethod::Cash),
                reason: "wrong customer".into(),
                voided_on: Some(day(20)),
            },
        );
        let close = cash_close(&p, "me", day(20));
        let numbers: Vec<u64> = close.receipts.iter().map(|r| r.receipt.counter).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4]);
        assert_eq!(close.voided, 1);
        assert_eq!(close.cash.get(Currency::COP), dec!(70000));
        assert_eq!(close.collected.get(Currency::COP), dec!(100000));
        assert_eq!(
            close.by_method[&PaymentMethod::DigitalWallet].get(Currency::COP),
            dec!(30000)
        );
    }
}
