//! Message templates with placeholders such as `{cliente}` or `{customer}`, rendered with the
//! locale's way of writing amounts and dates. Spanish and English names both work in any
//! template, so a business can write in either.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::contact::Objective;
use super::money::Money;
use super::number_format::NumberFormat;

/// What a template is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// The reminder step that many days from the due date.
    Reminder(i32),
    /// All of a customer's open invoices in one message.
    Statement,
    ThankYou,
    /// Recognition for a customer who paid everything on time in a period.
    Recognition,
    Objective(Objective),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placeholder {
    Customer,
    Amount,
    Currency,
    DueDate,
    DaysOverdue,
    Invoices,
    /// One line per open invoice: number, due date, amount.
    Details,
    PaymentMethods,
    Company,
    Collector,
    /// The late interest owed, apart from the amount.
    Interest,
    /// The amount plus the late interest.
    TotalWithInterest,
}

impl Placeholder {
    pub const ALL: [Placeholder; 12] = [
        Placeholder::Customer,
        Placeholder::Amount,
        Placeholder::Currency,
        Placeholder::DueDate,
        Placeholder::DaysOverdue,
        Placeholder::Invoices,
        Placeholder::Details,
        Placeholder::PaymentMethods,
        Placeholder::Company,
        Placeholder::Collector,
        Placeholder::Interest,
        Placeholder::TotalWithInterest,
    ];

    /// The Spanish and the English name.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Placeholder::Customer => ("cliente", "customer"),
            Placeholder::Amount => ("monto", "amount"),
            Placeholder::Currency => ("moneda", "currency"),
            Placeholder::DueDate => ("vence", "due_date"),
            Placeholder::DaysOverdue => ("dias_vencido", "days_overdue"),
            Placeholder::Invoices => ("facturas", "invoices"),
            Placeholder::Details => ("detalle", "details"),
            Placeholder::PaymentMethods => ("medios_pago", "payment_methods"),
            Placeholder::Company => ("empresa", "company"),
            Placeholder::Collector => ("cobrador", "collector"),
            Placeholder::Interest => ("intereses", "interest"),
            Placeholder::TotalWithInterest => ("total_con_intereses", "total_with_interest"),
        }
    }

    fn named(name: &str) -> Option<Placeholder> {
        Placeholder::ALL.into_iter().find(|p| {
            let (es, en) = p.names();
            name == es || name == en
        })
    }
}

/// One open due as a statement lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailLine {
    pub invoice: String,
    pub due_on: NaiveDate,
    pub open: Money,
}

/// What the placeholders stand for in one message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MessageValues {
    pub customer: String,
    /// What the message asks for, per currency.
    pub amounts: Vec<Money>,
    pub due_on: Option<NaiveDate>,
    pub days_overdue: i64,
    pub invoices: Vec<String>,
    pub details: Vec<DetailLine>,
    pub payment_methods: String,
    pub company: String,
    pub collector: String,
    /// The late interest owed per currency (none when the company charges none); `None` when
    /// it is not known, as when a month's certified rate is missing.
    pub interest: Option<Vec<Money>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateProblem {
    UnknownPlaceholder(String),
    /// A `{` without its `}`.
    Unclosed,
    /// The template names the late interest and it cannot be worked out: never guessed.
    InterestUnknown,
}

/// Whether `template` names the late interest, so that it is worked out only when asked for.
pub fn uses_interest(template: &str) -> bool {
    [Placeholder::Interest, Placeholder::TotalWithInterest]
        .iter()
        .flat_map(|p| {
            let (es, en) = p.names();
            [es, en]
        })
        .any(|name| template.contains(name))
}

/// The message `template` says for `values`.
pub fn render(
    template: &str,
    values: &MessageValues,
    format: NumberFormat,
) -> Result<String, TemplateProblem> {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or(TemplateProblem::Unclosed)?;
        let name = after[..close].trim();
        let placeholder = Placeholder::named(name)
            .ok_or_else(|| TemplateProblem::UnknownPlaceholder(name.to_owned()))?;
        out.push_str(&value(placeholder, values, format)?);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Amounts as a message writes them: one bare, several each with its currency.
fn amounts(amounts: &[Money], format: NumberFormat) -> String {
    let amount = |m: &Money| format.amount(m.amount, m.currency.minor_digits());
    match amounts {
        [one] => amount(one),
        several => several
            .iter()
            .map(|m| format!("{} {}", amount(m), m.currency))
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// `more` added to `base` currency by currency, a currency `base` lacks after its own.
fn added(mut base: Vec<Money>, more: &[Money]) -> Vec<Money> {
    for m in more {
        match base.iter_mut().find(|b| b.currency == m.currency) {
            Some(b) => b.amount += m.amount,
            None => base.push(*m),
        }
    }
    base
}

fn value(
    placeholder: Placeholder,
    values: &MessageValues,
    format: NumberFormat,
) -> Result<String, TemplateProblem> {
    let interest = || {
        values
            .interest
            .as_deref()
            .ok_or(TemplateProblem::InterestUnknown)
    };
    Ok(match placeholder {
        Placeholder::Customer => values.customer.clone(),
        Placeholder::Amount => amounts(&values.amounts, format),
        Placeholder::Interest => {
            let zero = values.amounts.iter().map(|m| Money::zero(m.currency));
            amounts(&added(zero.collect(), interest()?), format)
        }
        Placeholder::TotalWithInterest => {
            amounts(&added(values.amounts.clone(), interest()?), format)
        }
        Placeholder::Currency => match values.amounts.as_slice() {
            [one] => one.currency.to_string(),
            _ => String::new(),
        },
        Placeholder::DueDate => values.due_on.map(|d| format.date(d)).unwrap_or_default(),
        Placeholder::DaysOverdue => values.days_overdue.max(0).to_string(),
        Placeholder::Invoices => values.invoices.join(", "),
        Placeholder::Details => values
            .details
            .iter()
            .map(|line| {
                format!(
                    "• {} · {} · {}",
                    line.invoice,
                    format.date(line.due_on),
                    format.money(line.open)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Placeholder::PaymentMethods => values.payment_methods.clone(),
        Placeholder::Company => values.company.clone(),
        Placeholder::Collector => values.collector.clone(),
    })
}

/// Words that threaten or claim legal consequences a reminder must not claim; a template that
/// uses them is shown with a warning in Ajustes.
const THREATENING_WORDS: [&str; 18] = [
    "cárcel", "carcel", "prisión", "prision", "policía", "policia", "arresto", "delito", "penal",
    "embargo", "embargar", "jail", "prison", "arrest", "police", "criminal", "garnish", "seize",
];

/// The threatening words `template` contains, so the editor can be asked to reword it.
pub fn threatening_words(template: &str) -> Vec<&'static str> {
    let lower = template.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    THREATENING_WORDS
        .into_iter()
        .filter(|threat| words.iter().any(|w| w.starts_with(threat)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;
    use rust_decimal::dec;

    fn values() -> MessageValues {
        let due_on = NaiveDate::from_ymd_opt(2026, 3, 10).expect("a date");
        MessageValues {
            customer: "Ferretería El Tornillo".into(),
            amounts: vec![Money::new(dec!(1234567.5), Currency::COP)],
            due_on: Some(due_on),
            days_overdue: 3,
            invoices: vec!["FV-1001".into(), "FV-1002".into()],
            details: vec![DetailLine {
                invoice: "FV-1001".into(),
                due_on,
                open: Money::new(dec!(1234567.5), Currency::COP),
            }],
            payment_methods: "Nequi".into(),
            company: "Distribuidora Andina".into(),
            collector: "Juan".into(),
            interest: None,
        }
    }

    #[test]
    fn interest_is_named_apart_and_never_guessed() {
        let template =
            "Saldo {monto}, intereses de mora {intereses}, en total {total_con_intereses}.";
        assert!(uses_interest(template));
        assert!(!uses_interest("Saldo {monto}."));
        assert_eq!(
            render(template, &values(), NumberFormat::ES_CO),
            Err(TemplateProblem::InterestUnknown)
        );
        let mut values = values();
        values.interest = Some(vec![Money::new(dec!(48169.76), Currency::COP)]);
        assert_eq!(
            render(template, &values, NumberFormat::ES_CO).as_deref(),
            Ok("Saldo 1.234.567,50, intereses de mora 48.169,76, en total 1.282.737,26.")
        );
        // A company that charges none says so: no interest, the total is the amount.
        values.interest = Some(Vec::new());
        assert_eq!(
            render(
                "{interest}|{total_with_interest}",
                &values,
                NumberFormat::EN_US
            )
            .as_deref(),
            Ok("0|1,234,567.50")
        );
    }

    #[test]
    fn spanish_colombian_format() {
        let text = render(
            "Hola {cliente}: {facturas} por $ {monto} {moneda} venció el {vence} ({dias_vencido} días). Pague por {medios_pago}. {cobrador}, {empresa}.",
            &values(),
            NumberFormat::ES_CO,
        );
        assert_eq!(
            text.as_deref(),
            Ok("Hola Ferretería El Tornillo: FV-1001, FV-1002 por $ 1.234.567,50 COP venció el 10/03/2026 (3 días). Pague por Nequi. Juan, Distribuidora Andina.")
        );
    }

    #[test]
    fn english_us_format_and_names() {
        let text = render(
            "Hi {customer}, {amount} {currency} was due {due_date}.\n{details}",
            &values(),
            NumberFormat::EN_US,
        );
        assert_eq!(
            text.as_deref(),
            Ok("Hi Ferretería El Tornillo, 1,234,567.50 COP was due 03/10/2026.\n• FV-1001 · 03/10/2026 · $\u{a0}1,234,567.50\u{a0}COP")
        );
    }

    #[test]
    fn several_currencies_are_each_named() {
        let mut values = values();
        values.amounts.push(Money::new(
            dec!(20),
            Currency::parse("USD").expect("a code"),
        ));
        let text = render("{monto}|{moneda}", &values, NumberFormat::ES_CO);
        assert_eq!(text.as_deref(), Ok("1.234.567,50 COP + 20 USD|"));
    }

    #[test]
    fn unknown_and_unclosed_placeholders_are_reported() {
        let unknown = render("Hola {nombre}", &values(), NumberFormat::ES_CO);
        assert_eq!(
            unknown,
            Err(TemplateProblem::UnknownPlaceholder("nombre".into()))
        );
        let unclosed = render("Hola {cliente", &values(), NumberFormat::ES_CO);
        assert_eq!(unclosed, Err(TemplateProblem::Unclosed));
    }

    #[test]
    fn threats_are_spotted() {
        assert_eq!(
            threatening_words("Si no paga, llamaremos a la Policía y habrá embargos"),
            vec!["policía", "embargo"]
        );
        assert!(threatening_words("Le recordamos amablemente su saldo").is_empty());
    }
}
