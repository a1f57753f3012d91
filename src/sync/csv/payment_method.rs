//! Payment methods as Colombian and other Latin American files name them.

use crate::domain::payment::PaymentMethod;
use crate::domain::search::word_key;

const NAMES: &[(PaymentMethod, &[&str])] = &[
    (PaymentMethod::Cash, &["efectivo", "contado", "cash"]),
    (
        PaymentMethod::Transfer,
        &[
            "transferencia",
            "transferencia bancaria",
            "transferencia electronica",
            "pse",
            "transfer",
            "bank transfer",
            "wire",
        ],
    ),
    (
        PaymentMethod::BankDeposit,
        &[
            "consignacion",
            "consignacion bancaria",
            "deposito",
            "deposito bancario",
            "deposit",
            "bank deposit",
        ],
    ),
    (
        PaymentMethod::Card,
        &[
            "tarjeta",
            "tarjeta credito",
            "tarjeta de credito",
            "tarjeta debito",
            "tarjeta de debito",
            "datafono",
            "card",
            "credit card",
            "debit card",
        ],
    ),
    (
        PaymentMethod::DigitalWallet,
        &[
            "billetera digital",
            "billetera",
            "nequi",
            "daviplata",
            "mercado pago",
            "yape",
            "plin",
            "digital wallet",
            "wallet",
        ],
    ),
    (PaymentMethod::Cheque, &["cheque", "check"]),
    (PaymentMethod::Other, &["otro", "otros", "other"]),
];

/// The method a cell names; an empty cell is `Other`, an unknown name is `None`.
pub fn parse_method(cell: &str) -> Option<PaymentMethod> {
    let key = word_key(cell, " ");
    if key.is_empty() {
        return Some(PaymentMethod::Other);
    }
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(method, _)| *method)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_and_english_names_are_recognised() {
        assert_eq!(parse_method("Efectivo"), Some(PaymentMethod::Cash));
        assert_eq!(
            parse_method("Consignación"),
            Some(PaymentMethod::BankDeposit)
        );
        assert_eq!(
            parse_method("Tarjeta de crédito"),
            Some(PaymentMethod::Card)
        );
        assert_eq!(
            parse_method("billetera digital"),
            Some(PaymentMethod::DigitalWallet)
        );
        assert_eq!(parse_method("NEQUI"), Some(PaymentMethod::DigitalWallet));
        assert_eq!(parse_method("bank_transfer"), Some(PaymentMethod::Transfer));
        assert_eq!(parse_method(""), Some(PaymentMethod::Other));
        assert_eq!(parse_method("trueque"), None);
    }
}
