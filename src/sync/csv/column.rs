//! Which column is which, from header names in Spanish or English as accounting programs and
//! people write them ("Fecha de vencimiento", "fecha_vencimiento", "due_date").

use crate::domain::search::word_key;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    CustomerId,
    CustomerName,
    TaxId,
    Phone,
    Email,
    Address,
    City,
    Collector,
    DebtorKind,
    IdType,
    Salesperson,
    PaymentDays,
    CreditLimit,
    Invoice,
    IssueDate,
    DueDate,
    Amount,
    Currency,
    Installment,
    Cufe,
    ReceivedOn,
    ReceivedBy,
    PaymentDate,
    Method,
    Reference,
}

const ALIASES: &[(Column, &[&str])] = &[
    (
        Column::CustomerId,
        &["cliente_id", "id_cliente", "codigo_cliente", "customer_id"],
    ),
    (
        Column::CustomerName,
        &[
            "cliente",
            "nombre",
            "razon_social",
            "customer",
            "customer_name",
            "name",
        ],
    ),
    (Column::TaxId, &["nit", "documento", "cedula", "tax_id"]),
    (Column::Phone, &["telefono", "celular", "phone"]),
    (
        Column::Email,
        &["email", "correo", "correo_electronico", "e_mail"],
    ),
    (Column::Address, &["direccion", "address"]),
    (Column::City, &["ciudad", "municipio", "city"]),
    (Column::Collector, &["cobrador", "gestor", "collector"]),
    (
        Column::DebtorKind,
        &["tipo_persona", "tipo_de_persona", "persona", "debtor_kind"],
    ),
    (
        Column::IdType,
        &["tipo_documento", "tipo_de_documento", "tipo_id", "id_type"],
    ),
    (
        Column::Salesperson,
        &["vendedor", "asesor_comercial", "salesperson", "sales_rep"],
    ),
    (Column::Cufe, &["cufe", "codigo_cufe", "einvoice_code"]),
    (
        Column::ReceivedOn,
        &[
            "fecha_recibido",
            "fecha_recepcion",
            "recibido_el",
            "received_on",
        ],
    ),
    (
        Column::ReceivedBy,
        &["recibido_por", "recibio", "received_by"],
    ),
    (
        Column::PaymentDays,
        &["plazo", "plazo_dias", "dias_de_credito", "payment_terms"],
    ),
    (
        Column::CreditLimit,
        &[
            "cupo",
            "cupo_de_credito",
            "limite_de_credito",
            "credit_limit",
        ],
    ),
    (
        Column::Invoice,
        &[
            "factura",
            "numero_factura",
            "no_factura",
            "invoice",
            "invoice_number",
        ],
    ),
    (
        Column::IssueDate,
        &[
            "fecha_emision",
            "fecha_de_emision",
            "fecha_factura",
            "issue_date",
        ],
    ),
    (
        Column::DueDate,
        &[
            "fecha_vencimiento",
            "fecha_de_vencimiento",
            "vencimiento",
            "due_date",
        ],
    ),
    (Column::Amount, &["valor", "monto", "importe", "amount"]),
    (Column::Currency, &["moneda", "divisa", "currency"]),
    (
        Column::Installment,
        &["cuota", "numero_cuota", "installment"],
    ),
    (
        Column::PaymentDate,
        &[
            "fecha",
            "fecha_pago",
            "fecha_de_pago",
            "date",
            "payment_date",
        ],
    ),
    (
        Column::Method,
        &[
            "medio",
            "medio_de_pago",
            "forma_de_pago",
            "method",
            "payment_method",
        ],
    ),
    (Column::Reference, &["referencia", "reference"]),
];

/// The column a header names, if any: accents, case, spaces, dots and hyphens do not matter.
pub fn recognise(header: &str) -> Option<Column> {
    let key = word_key(header, "_");
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(column, _)| *column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_and_english_headers_name_the_same_columns() {
        assert_eq!(recognise("Fecha de vencimiento"), Some(Column::DueDate));
        assert_eq!(recognise("fecha_vencimiento"), Some(Column::DueDate));
        assert_eq!(recognise("due_date"), Some(Column::DueDate));
        assert_eq!(recognise(" NIT "), Some(Column::TaxId));
        assert_eq!(recognise("Teléfono"), Some(Column::Phone));
        assert_eq!(recognise("Dirección"), Some(Column::Address));
        assert_eq!(recognise("No. Factura"), Some(Column::Invoice));
        assert_eq!(recognise("Razón social"), Some(Column::CustomerName));
        assert_eq!(recognise("customer_name"), Some(Column::CustomerName));
        assert_eq!(recognise("cuota"), Some(Column::Installment));
        assert_eq!(recognise("Tipo de persona"), Some(Column::DebtorKind));
        assert_eq!(recognise("Tipo documento"), Some(Column::IdType));
        assert_eq!(recognise("Vendedor"), Some(Column::Salesperson));
        assert_eq!(recognise("Cupo"), Some(Column::CreditLimit));
    }

    #[test]
    fn unknown_headers_are_not_guessed() {
        assert_eq!(recognise("saldo"), None);
        assert_eq!(recognise("observaciones"), None);
        assert_eq!(recognise(""), None);
    }
}
