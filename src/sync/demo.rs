//! The demonstration portfolio loaded on first start: forty businesses in Colombian cities
//! with invoices in pesos spread over every aging bucket, a few payments, promises and a
//! dispute. It is written through the operation log like real work, so everything a person
//! tries on it behaves as it will with their own data. Deterministic: the same `today` gives
//! the same portfolio.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::author::Author;
use super::op::{CustomerPatch, Event, InvoicePatch, Op};
use crate::domain::bureau_report::BureauAuthorization;
use crate::domain::contact::Channel;
use crate::domain::credit_terms::CreditTerms;
use crate::domain::customer::CustomerId;
use crate::domain::debtor::{DebtorKind, IdType};
use crate::domain::dispute::{Dispute, DisputeReason};
use crate::domain::invoice::{Installment, InvoiceId, Terms};
use crate::domain::money::{Currency, Money};
use crate::domain::payment::{Payment, PaymentMethod};
use crate::domain::promise::Promise;
use crate::domain::tax_id::nit_check_digit;

const COLLECTORS: [&str; 3] = ["Juan Pérez", "María Gómez", "Oficina"];
const SALESPEOPLE: [&str; 2] = ["Carlos Ruiz", "Diana Castro"];

/// (business name, city, street address)
const BUSINESSES: [(&str, &str, &str); 40] = [
    ("Ferretería El Tornillo", "Bogotá", "Cra 13 # 45-12"),
    ("Droguería San Jorge", "Medellín", "Cl 50 # 43-21"),
    ("Panadería La Espiga Dorada", "Cali", "Av 6N # 23-45"),
    ("Supermercado Doña Rosa", "Barranquilla", "Cra 54 # 72-80"),
    ("Distribuidora Los Andes S.A.S.", "Bogotá", "Cl 80 # 68-15"),
    ("Restaurante El Fogón Paisa", "Medellín", "Cra 70 # 44-09"),
    ("Papelería El Estudiante", "Bucaramanga", "Cl 36 # 27-18"),
    (
        "Miscelánea La Económica",
        "Cartagena",
        "Av Pedro de Heredia # 31-50",
    ),
    ("Taller Mecánico Hermanos Ruiz", "Pereira", "Cra 10 # 17-33"),
    ("Tienda Naturista Vida Sana", "Manizales", "Cl 23 # 21-40"),
    (
        "Comercializadora del Caribe Ltda.",
        "Santa Marta",
        "Cra 5 # 22-11",
    ),
    ("Almacén Textiles La Moda", "Cúcuta", "Av 5 # 9-64"),
    ("Minimercado El Vecino", "Ibagué", "Cl 60 # 5-23"),
    ("Agropecuaria El Llano", "Villavicencio", "Cra 33 # 38-17"),
    ("Hotel Casa Colonial", "Cartagena", "Cl del Curato # 38-120"),
    (
        "Constructora Horizonte S.A.S.",
        "Bogotá",
        "Av Cra 15 # 100-43",
    ),
    ("Carnicería Don Pedro", "Cali", "Cl 5 # 39-70"),
    ("Frutería Tropical", "Barranquilla", "Cl 84 # 43-12"),
    ("Cafetería La Tertulia", "Manizales", "Cra 23 # 63-15"),
    ("Ópticas Visión Clara", "Medellín", "Cl 10 # 43D-28"),
    ("Lavandería Burbujas", "Bogotá", "Cl 53 # 22-35"),
    ("Colchones El Descanso", "Bucaramanga", "Cra 27 # 48-22"),
    (
        "Repuestos Moto Express",
        "Pereira",
        "Av 30 de Agosto # 40-18",
    ),
    ("Floristería Jardín Secreto", "Cali", "Cra 100 # 11-60"),
    ("Veterinaria Huellitas", "Ibagué", "Cra 5 # 37-41"),
    ("Licorera La 70", "Medellín", "Cra 70 # 1-34"),
    (
        "Depósito de Materiales El Constructor",
        "Villavicencio",
        "Vía Puerto López km 2",
    ),
    ("Calzado Paso Firme", "Cúcuta", "Cl 10 # 4-56"),
    ("Salsamentaría La Especial", "Santa Marta", "Cl 22 # 3-45"),
    (
        "Industrias Metálicas del Norte S.A.",
        "Barranquilla",
        "Vía 40 # 71-197",
    ),
    (
        "Piqueteadero El Rancherito",
        "Bogotá",
        "Autopista Norte # 145-20",
    ),
    ("Librería El Saber", "Manizales", "Cl 19 # 22-30"),
    (
        "Clínica Dental Sonrisas",
        "Cartagena",
        "Av San Martín # 8-62",
    ),
    ("Tostadora de Café La Montaña", "Pereira", "Cl 14 # 7-25"),
    ("Eléctricos y Ferretería Luz", "Cali", "Cl 15 # 8-44"),
    ("Panificadora Santa Clara", "Bucaramanga", "Cl 45 # 31-07"),
    ("Autoservicio La Canasta", "Ibagué", "Cl 42 # 4-18"),
    ("Confecciones Valentina", "Medellín", "Cl 33 # 65-90"),
    ("Transportes Rápido Sur S.A.S.", "Bogotá", "Cl 13 # 68D-40"),
    ("Granero El Porvenir", "Villavicencio", "Cl 38 # 30A-12"),
];

/// How small businesses in the demo and the sample portfolios pay.
pub(super) const METHODS: [PaymentMethod; 5] = [
    PaymentMethod::Cash,
    PaymentMethod::Transfer,
    PaymentMethod::BankDeposit,
    PaymentMethod::DigitalWallet,
    PaymentMethod::Cheque,
];

/// The customer id of the `i`-th demonstration business.
pub fn customer_id(i: usize) -> CustomerId {
    CustomerId(format!("CLI-{:03}", i + 1).into())
}

/// Invoices the `i`-th business owes: two to six.
/// Thirty days to pay; a limit of 5, 10, 15 or 20 million pesos, so that some accounts stand
/// over it.
fn demo_terms(i: usize) -> CreditTerms {
    let millions = Decimal::from(5 * (1 + i % 4)) * Decimal::from(1_000_000);
    CreditTerms {
        payment_days: Some(30),
        limits: vec![Money::new(millions, Currency::USUAL)],
    }
}

fn invoice_count(i: usize) -> usize {
    2 + (i * 7) % 5
}

/// A spread of ages, from 30 days before due to 199 days overdue, so every bucket is filled;
/// a quarter of the customers pay on time and owe only what is not yet due.
fn days_overdue(i: usize, j: usize) -> i64 {
    let spread = (i * 37 + j * 53 + 11) as i64;
    if i % 4 == 1 {
        spread % 29 - 28
    } else {
        spread % 230 - 30
    }
}

/// A few large accounts, more medium ones, many small ones: the usual Pareto shape.
fn invoice_amount(i: usize, j: usize) -> Decimal {
    let base: i64 = match i {
        _ if i.is_multiple_of(10) => 9_000_000,
        _ if i.is_multiple_of(3) => 2_400_000,
        _ => 450_000,
    };
    let factor = ((i * 13 + j * 29) % 17 + 4) as i64;
    Decimal::from(base * factor / 10 / 1000 * 1000)
}

fn shifted(today: NaiveDate, days_back: i64) -> NaiveDate {
    if days_back >= 0 {
        today - Days::new(days_back.unsigned_abs())
    } else {
        today + Days::new(days_back.unsigned_abs())
    }
}

/// The demonstration portfolio as operations authored by this device.
pub fn demo_ops(author: &mut Author, today: NaiveDate, now_ms: u64) -> Vec<Op> {
    let mut events = Vec::new();
    for (i, (name, city, address)) in BUSINESSES.iter().enumerate() {
        let nit = format!("{}", 800_100_000 + i * 7_919);
        let dv = nit_check_digit(&nit).unwrap_or(0);
        events.push(Event::CustomerUpserted {
            customer: customer_id(i),
            patch: CustomerPatch {
                name: Some((*name).to_owned()),
                tax_id: Some(format!("{nit}-{dv}")),
                phones: Some(vec![format!(
                    "+57 3{:02} {:03} {:04}",
                    10 + i % 40,
                    100 + i * 17 % 900,
                    1000 + i * 271 % 9000
                )]),
                email: Some(format!("cartera{}@ejemplo.com.co", i + 1)),
                address: Some((*address).to_owned()),
                city: Some((*city).to_owned()),
                collector: Some(COLLECTORS[i % COLLECTORS.len()].to_owned()),
                notes: None,
                location: None,
                kind: Some(DebtorKind::Business),
                id_type: Some(IdType::Nit),
                visits_authorized: None,
                credit_terms: Some(demo_terms(i)),
                salesperson: Some(SALESPEOPLE[i % SALESPEOPLE.len()].to_owned()),
                // Two customers in three signed the credit application's clause.
                bureau_authorization: (i % 3 != 2).then(|| BureauAuthorization {
                    on: shifted(today, 400),
                    how: "Cláusula de la solicitud de crédito firmada".to_owned(),
                }),
            },
        });
        for j in 0..invoice_count(i) {
            events.extend(invoice_events(i, j, today));
        }
        if i % 4 == 1 {
            events.extend(paid_on_time_events(i, today));
        }
    }
    events.extend(promise_and_dispute_events(today));
    events
        .into_iter()
        .map(|event| author.record(event, now_ms))
        .collect()
}

fn invoice_events(i: usize, j: usize, today: NaiveDate) -> Vec<Event> {
    let number = InvoiceId(format!("FV-{}", 1001 + i * 10 + j).into());
    let age = days_overdue(i, j);
    let due_on = shifted(today, age);
    let amount = invoice_amount(i, j);
    // Some larger sales are paid in three monthly instalments ("cuotas") ending on `due_on`.
    let in_installments = i % 7 == 3 && j == 0;
    let term = match (in_installments, i.is_multiple_of(4)) {
        (true, _) => 90,
        (false, true) => 60,
        (false, false) => 30,
    };
    let issued_on = due_on - Days::new(term);
    let terms = if in_installments {
        Terms::in_installments(Currency::COP, three_installments(amount, due_on))
    } else {
        Terms::single(Money::new(amount, Currency::COP), due_on)
    };
    let Ok(terms) = terms else {
        return Vec::new();
    };
    let mut events = vec![Event::InvoiceUpserted {
        invoice: number.clone(),
        patch: InvoicePatch {
            kind: None,
            customer: Some(customer_id(i)),
            issued_on: Some(issued_on),
            terms: Some(terms),
        },
    }];
    // Some invoices were paid in full a few days after falling due, some only in part.
    let paid = if (i + j).is_multiple_of(9) && age > 5 {
        Some((amount, shifted(today, age - 5)))
    } else if (i + 2 * j).is_multiple_of(5) && age > 30 {
        Some((amount * Decimal::new(4, 1), shifted(today, age / 2)))
    } else {
        None
    };
    if let Some((paid, received_on)) = paid {
        events.push(Event::PaymentRecorded {
            payment: Payment {
                customer: customer_id(i),
                received_on,
                amount: Money::new(paid.round_dp(0), Currency::COP),
                method: METHODS[(i + j) % METHODS.len()],
                reference: format!("RC-{}", 5000 + i * 10 + j).into(),
                applies_to: vec![number],
                receipt: None,
            },
        });
    }
    events
}

/// A customer who pays on time also has a sale that fell due three weeks ago, paid the day
/// before: Informes lists them among the good payers.
fn paid_on_time_events(i: usize, today: NaiveDate) -> Vec<Event> {
    let number = InvoiceId(format!("FV-{}", 1001 + i * 10 + 9).into());
    let amount = Money::new(invoice_amount(i, 9), Currency::COP);
    let due_on = shifted(today, 20);
    let Ok(terms) = Terms::single(amount, due_on) else {
        return Vec::new();
    };
    vec![
        Event::InvoiceUpserted {
            invoice: number.clone(),
            patch: InvoicePatch {
                kind: None,
                customer: Some(customer_id(i)),
                issued_on: Some(due_on - Days::new(30)),
                terms: Some(terms),
            },
        },
        Event::PaymentRecorded {
            payment: Payment {
                customer: customer_id(i),
                received_on: shifted(today, 21),
                amount,
                method: METHODS[i % METHODS.len()],
                reference: format!("RC-{}", 5000 + i * 10 + 9).into(),
                applies_to: vec![number],
                receipt: None,
            },
        },
    ]
}

/// Three monthly instalments adding up to `amount`, the last on `last_due`.
fn three_installments(amount: Decimal, last_due: NaiveDate) -> Vec<Installment> {
    let third = (amount / Decimal::from(3000)).floor() * Decimal::from(1000);
    (1..=3u32)
        .map(|number| Installment {
            number,
            due_on: last_due - Days::new(u64::from(3 - number) * 30),
            amount: if number == 3 {
                amount - third * Decimal::from(2)
            } else {
                third
            },
        })
        .collect()
}

fn promise_and_dispute_events(today: NaiveDate) -> Vec<Event> {
    let promise =
        |i: usize, made_days_ago: i64, due_days_ago: i64, amount: i64| Event::PromiseMade {
            promise: Promise {
                customer: customer_id(i),
                made_on: shifted(today, made_days_ago),
                due_on: shifted(today, due_days_ago),
                amount: Money::new(Decimal::from(amount), Currency::COP),
                channel: Some(Channel::Call),
            },
        };
    vec![
        // Due today, broken a week ago, and due next week.
        promise(4, 6, 0, 3_500_000),
        promise(11, 20, 7, 1_200_000),
        promise(20, 2, -7, 8_000_000),
        Event::DisputeOpened {
            dispute: Dispute {
                // Falls due today: without the dispute it would be reminded of today.
                customer: customer_id(13),
                invoices: vec![InvoiceId(format!("FV-{}", 1001 + 13 * 10).into())],
                amount: None,
                owner: "Bodega".to_owned(),
                reason: DisputeReason::DamagedGoods,
                opened_on: shifted(today, 2),
                resolved_on: None,
            },
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aging::{age, AgingBasis, AgingBuckets};
    use crate::sync::hlc::DeviceId;
    use crate::sync::projection::Projection;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
    }

    fn demo() -> crate::domain::portfolio::Portfolio {
        let mut author = Author::resume(DeviceId("demo-test".into()), []);
        Projection::from_ops(&demo_ops(&mut author, today(), 1_700_000_000_000)).portfolio()
    }

    #[test]
    fn demo_is_a_realistic_colombian_portfolio() {
        let portfolio = demo();
        assert_eq!(portfolio.customers.len(), 40);
        assert!((140..=170).contains(&portfolio.invoices.len()));
        assert!(portfolio
            .invoices
            .values()
            .all(|inv| inv.amount().currency == Currency::COP));
        let with_schedule = portfolio
            .invoices
            .values()
            .filter(|inv| !inv.terms.installments().is_empty());
        assert!(
            with_schedule.count() >= 4,
            "some invoices are paid in instalments"
        );
        assert!(portfolio.payments.len() >= 10);
        assert_eq!(portfolio.promises.len(), 3);
        assert_eq!(
            portfolio.disputes.values().filter(|d| d.is_open()).count(),
            1
        );
        let standings = portfolio.standings(today());
        let up_to_date = standings.values().filter(|s| s.overdue.is_zero()).count();
        assert!(
            (8..=15).contains(&up_to_date),
            "{up_to_date} customers pay on time"
        );
        let tax_id = &portfolio.customers[&customer_id(0)].tax_id;
        let (nit, dv) = tax_id.split_once('-').expect("NIT with check digit");
        assert_eq!(
            nit_check_digit(nit).map(|d| d.to_string()),
            Some(dv.to_owned())
        );
    }

    #[test]
    fn demo_fills_every_aging_bucket() {
        let buckets = AgingBuckets::default();
        let report = age(&demo(), today(), AgingBasis::DueDate, &buckets);
        let totals = &report.totals[&Currency::COP];
        assert_eq!(totals.len(), buckets.count());
        assert!(
            totals.iter().all(|amount| *amount > Decimal::ZERO),
            "{totals:?}"
        );
    }

    #[test]
    fn demo_is_deterministic_for_a_given_day() {
        assert_eq!(demo(), demo());
    }
}
