//! Finding a customer the way people type on a phone: no accents, any case.

use super::customer::{Customer, CustomerId};

/// Lower case without Spanish diacritics, so "bogota" finds "Bogotá" and "nino" finds "Niño".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

/// A header or name reduced to its folded words joined by `joiner`, so that "Fecha de
/// Vencimiento" and "fecha-de-vencimiento" give the same key.
pub fn word_key(text: &str, joiner: &str) -> String {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(joiner)
}

/// Whether every word of the (already folded) query appears in the customer's id, name, tax
/// id or city.
pub fn matches(id: &CustomerId, customer: &Customer, folded_query: &str) -> bool {
    let haystack = fold(&format!(
        "{} {} {} {}",
        id.0, customer.name, customer.tax_id, customer.city
    ));
    folded_query
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_do_not_matter() {
        let customer = Customer {
            name: "Droguería San Jorge".into(),
            tax_id: "800197268-4".into(),
            city: "Medellín".into(),
            ..Customer::default()
        };
        let id = CustomerId("CLI-002".into());
        assert!(matches(&id, &customer, &fold("drogueria MEDELLIN")));
        assert!(matches(&id, &customer, &fold("800197")));
        assert!(matches(&id, &customer, &fold("cli-002")));
        assert!(!matches(&id, &customer, &fold("bogota")));
        assert!(matches(&id, &customer, ""));
    }
}
