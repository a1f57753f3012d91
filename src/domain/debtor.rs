//! Who the debtor is in law: a consumer (persona natural), whom consumer-protection rules such
//! as Colombia's Ley 2300 de 2023 protect, or a business (persona jurídica), whose premises a
//! collector may visit; and the kind of id the debtor is known by.

use serde::{Deserialize, Serialize};

use super::tax_id::nit_check_digit;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DebtorKind {
    /// Persona natural.
    Consumer,
    /// Persona jurídica.
    Business,
}

impl DebtorKind {
    pub const ALL: [DebtorKind; 2] = [DebtorKind::Consumer, DebtorKind::Business];

    /// How the kind is written in files: the word `parse` reads back.
    pub fn code(self) -> &'static str {
        match self {
            DebtorKind::Consumer => "natural",
            DebtorKind::Business => "juridica",
        }
    }

    /// Reads what a spreadsheet column says: «natural», «persona jurídica», «empresa», «PN»…
    pub fn parse(text: &str) -> Option<DebtorKind> {
        let text = fold(text);
        let text = text.strip_prefix("persona ").unwrap_or(&text);
        match text {
            "natural" | "pn" | "consumidor" | "consumer" | "individual" | "person" => {
                Some(DebtorKind::Consumer)
            }
            "juridica" | "pj" | "empresa" | "business" | "company" | "moral" => {
                Some(DebtorKind::Business)
            }
            _ => None,
        }
    }
}

/// The document the debtor is identified by, in the countries the presets cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdType {
    /// Cédula de ciudadanía (Colombia).
    Cc,
    /// Cédula de extranjería (Colombia).
    Ce,
    /// Número de identificación tributaria (Colombia).
    Nit,
    Passport,
    /// Rol único tributario (Chile).
    Rut,
    /// Registro federal de contribuyentes (México).
    Rfc,
    /// Registro único de contribuyentes (Perú, Ecuador).
    Ruc,
}

impl IdType {
    pub const ALL: [IdType; 7] = [
        IdType::Cc,
        IdType::Ce,
        IdType::Nit,
        IdType::Passport,
        IdType::Rut,
        IdType::Rfc,
        IdType::Ruc,
    ];

    /// The abbreviation printed on documents.
    pub fn code(self) -> &'static str {
        match self {
            IdType::Cc => "CC",
            IdType::Ce => "CE",
            IdType::Nit => "NIT",
            IdType::Passport => "PA",
            IdType::Rut => "RUT",
            IdType::Rfc => "RFC",
            IdType::Ruc => "RUC",
        }
    }

    /// Reads an abbreviation or a name: «CC», «cédula», «pasaporte», «NIT»…
    pub fn parse(text: &str) -> Option<IdType> {
        let text = fold(text);
        let text = text.replace('.', "");
        Some(match text.as_str() {
            "cc" | "cedula" | "cedula de ciudadania" => IdType::Cc,
            "ce" | "cedula de extranjeria" => IdType::Ce,
            "nit" => IdType::Nit,
            "pa" | "pas" | "pasaporte" | "passport" | "pp" => IdType::Passport,
            "rut" => IdType::Rut,
            "rfc" => IdType::Rfc,
            "ruc" => IdType::Ruc,
            _ => return None,
        })
    }
}

/// What the shape of a Colombian tax id says when nothing else does: a NIT of nine digits
/// beginning with 8 or 9 is the range the DIAN gives legal entities (a person's NIT is their
/// cédula), and when a check digit follows it must be the right one.
pub fn inferred_from_tax_id(tax_id: &str) -> Option<(DebtorKind, IdType)> {
    let compact: String = tax_id
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | ','))
        .collect();
    let (number, check) = match compact.split_once('-') {
        Some((number, check)) => (number, Some(check)),
        None => (compact.as_str(), None),
    };
    let company = number.len() == 9
        && number.starts_with(['8', '9'])
        && number.chars().all(|c| c.is_ascii_digit());
    let check_holds = match check {
        None => true,
        Some(digit) => digit.parse::<u32>().ok() == nit_check_digit(number),
    };
    (company && check_holds).then_some((DebtorKind::Business, IdType::Nit))
}

/// Lower case without accents or surrounding space, for reading what people type.
fn fold(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_company_nit_says_business_and_a_cedula_says_nothing() {
        let business = Some((DebtorKind::Business, IdType::Nit));
        assert_eq!(inferred_from_tax_id("800197268-4"), business);
        assert_eq!(inferred_from_tax_id("900.123.456"), business);
        assert_eq!(
            inferred_from_tax_id("800197268-5"),
            None,
            "a wrong check digit"
        );
        assert_eq!(inferred_from_tax_id("79.845.123"), None, "a cédula");
        assert_eq!(inferred_from_tax_id(""), None);
    }

    #[test]
    fn spreadsheet_words_are_read() {
        assert_eq!(
            DebtorKind::parse("Persona Jurídica"),
            Some(DebtorKind::Business)
        );
        assert_eq!(DebtorKind::parse(" natural "), Some(DebtorKind::Consumer));
        assert_eq!(DebtorKind::parse("otro"), None);
        assert_eq!(IdType::parse("Cédula"), Some(IdType::Cc));
        assert_eq!(IdType::parse("C.E."), Some(IdType::Ce));
        assert_eq!(IdType::parse("Pasaporte"), Some(IdType::Passport));
    }
}
