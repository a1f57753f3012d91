//! How Cobranza's core scales from S (1,000 customers) to L (20,000 customers, 100,000
//! invoices, about 200,000 operations): projection of the log, aging, the agenda, a CSV
//! import and reading a bundle, each reported per item so growth with size shows; and the
//! same aging report computed by SQLite (in memory, natural schema, indexed) as a peer.
//!
//! `cargo bench -p cobranza-benches` runs everything; criterion prints each measurement with
//! its throughput, and a summary table with the cost per item and the ratio to SQLite follows.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use cobranza::domain::aging::{age, AgingBasis, AgingBuckets, AgingReport};
use cobranza::domain::customer::CustomerId;
use cobranza::domain::money::{Currency, Money};
use cobranza::domain::payment::{Payment, PaymentMethod};
use cobranza::domain::portfolio::Portfolio;
use cobranza::domain::priority::agenda;
use cobranza::domain::standing::OpenAccounts;
use cobranza::sync::author::Author;
use cobranza::sync::bundle::export::compose;
use cobranza::sync::bundle::format::{BundleKind, Sender};
use cobranza::sync::bundle::read::read;
use cobranza::sync::csv::portfolio_file::read_portfolio;
use cobranza::sync::csv::table::detect_layout;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::import::ImportPlan;
use cobranza::sync::op::{Event, Op};
use cobranza::sync::peer::Peers;
use cobranza::sync::projection::Projection;
use cobranza::sync::sample_portfolio::{sample_ops, PortfolioSize};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rusqlite::Connection;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const SEED: u64 = 2026;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date")
}

/// One size's data, made once and read by every measurement.
struct Fixture {
    size: PortfolioSize,
    ops: Vec<Op>,
    portfolio: Portfolio,
    csv: Vec<u8>,
    bundle: Vec<u8>,
    sqlite: Connection,
}

impl Fixture {
    fn new(size: PortfolioSize) -> Fixture {
        let mut author = Author::resume(DeviceId("bench".into()), []);
        let ops = sample_ops(size, SEED, today(), &mut author, 1_790_000_000_000);
        let projection = Projection::from_ops(&ops);
        let portfolio = projection.portfolio();
        let sender = Sender {
            device: DeviceId("bench".into()),
            label: "Oficina".into(),
        };
        let bundle = compose(
            BundleKind::Full,
            &ops,
            &projection,
            &Peers::default(),
            sender,
            0,
        )
        .to_json()
        .into_bytes();
        let csv = portfolio_csv(&portfolio);
        let sqlite = sqlite_peer(&portfolio);
        Fixture {
            size,
            ops,
            portfolio,
            csv,
            bundle,
            sqlite,
        }
    }

    fn customers(&self) -> u64 {
        self.portfolio.customers.len() as u64
    }

    fn invoices(&self) -> u64 {
        self.portfolio.invoices.len() as u64
    }
}

fn our_aging(portfolio: &Portfolio) -> AgingReport {
    age(
        portfolio,
        today(),
        AgingBasis::DueDate,
        &AgingBuckets::default(),
    )
}

/// One piece of work measured: its name, what it counts per item and how many.
struct Work<'a> {
    name: &'static str,
    item: &'static str,
    items: u64,
    run: Box<dyn Fn() + 'a>,
}

/// A summary line: the work at one size and its median time.
struct Timing {
    size: PortfolioSize,
    name: &'static str,
    item: &'static str,
    items: u64,
    time: Duration,
}

fn work(f: &Fixture) -> Vec<Work<'_>> {
    let paying = RefCell::new(Paying::new(f));
    vec![
        Work {
            name: "projection of the log",
            item: "operation",
            items: f.ops.len() as u64,
            run: Box::new(|| {
                std::hint::black_box(Projection::from_ops(&f.ops).portfolio());
            }),
        },
        Work {
            name: "a payment: accounts redone",
            item: "payment",
            items: 1,
            run: Box::new(move || paying.borrow_mut().pay()),
        },
        Work {
            name: "aging",
            item: "invoice",
            items: f.invoices(),
            run: Box::new(|| {
                std::hint::black_box(our_aging(&f.portfolio));
            }),
        },
        Work {
            name: "aging in SQLite",
            item: "invoice",
            items: f.invoices(),
            run: Box::new(|| {
                std::hint::black_box(sqlite_aging(&f.sqlite));
            }),
        },
        Work {
            name: "agenda (standings and scores)",
            item: "customer",
            items: f.customers(),
            run: Box::new(|| {
                let standings = f.portfolio.standings(today());
                std::hint::black_box(agenda(&f.portfolio, &standings, today(), |_| true));
            }),
        },
        Work {
            name: "CSV import (read and plan)",
            item: "invoice",
            items: f.invoices(),
            run: Box::new(|| {
                let plan = detect_layout(&f.csv)
                    .and_then(|layout| read_portfolio(&f.csv, layout, Currency::COP))
                    .map(|file| ImportPlan::for_portfolio(&Portfolio::default(), &file));
                std::hint::black_box(plan.is_ok());
            }),
        },
        Work {
            name: "bundle read and check",
            item: "operation",
            items: f.ops.len() as u64,
            run: Box::new(|| {
                std::hint::black_box(read(&f.bundle).is_ok());
            }),
        },
    ]
}

/// The app's state after start-up, to which payments are recorded one at a time as a
/// collector does, each from the next customer: the portfolio and the accounts are brought
/// up to date, not rebuilt.
struct Paying {
    author: Author,
    projection: Projection,
    portfolio: Portfolio,
    accounts: OpenAccounts,
    customers: Vec<CustomerId>,
    paid: usize,
    now_ms: u64,
}

impl Paying {
    fn new(f: &Fixture) -> Paying {
        let projection = Projection::from_ops(&f.ops);
        let portfolio = projection.portfolio();
        Paying {
            author: Author::resume_after(DeviceId("bench".into()), &projection),
            accounts: portfolio.open_accounts(today()),
            customers: portfolio.customers.keys().cloned().collect(),
            projection,
            portfolio,
            paid: 0,
            now_ms: 1_800_000_000_000,
        }
    }

    fn pay(&mut self) {
        self.now_ms += 1000;
        self.paid += 1;
        let customer = &self.customers[self.paid % self.customers.len()];
        let op = self.author.record(
            Event::PaymentRecorded {
                payment: Payment {
                    customer: customer.clone(),
                    received_on: today(),
                    amount: Money::new(Decimal::ONE_THOUSAND, Currency::COP),
                    method: PaymentMethod::Cash,
                    reference: Default::default(),
                    applies_to: Vec::new(),
                    receipt: None,
                },
            },
            self.now_ms,
        );
        self.projection.apply(&op);
        let touched = self.projection.refresh(&mut self.portfolio, [&op]);
        self.accounts.refresh(&self.portfolio, &touched, today());
    }
}

fn scale(c: &mut Criterion) {
    let mut summary = Vec::new();
    let mut peers = Vec::new();
    for size in PortfolioSize::ALL {
        let f = Fixture::new(size);
        assert_sqlite_agrees(&f);
        eprintln!(
            "\n{}: {} customers, {} invoices, {} operations; CSV {} KB, bundle {} KB",
            size.name(),
            f.customers(),
            f.invoices(),
            f.ops.len(),
            f.csv.len() / 1024,
            f.bundle.len() / 1024
        );
        let mut group = c.benchmark_group(size.name());
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        for work in work(&f) {
            group.throughput(Throughput::Elements(work.items));
            group.bench_function(work.name, |b| b.iter(&work.run));
            summary.push(Timing {
                size: f.size,
                name: work.name,
                item: work.item,
                items: work.items,
                time: median_time(&work.run),
            });
        }
        group.finish();
        peers.push((size, PeerRatio::of(&f)));
    }
    print_summary(&summary, &peers);
}

/// Our aging against SQLite's, timed in turns so that both see the same machine. On this
/// shared machine, whose speed drifts by a quarter within minutes, timing five runs of one
/// and then five of the other gave 4.0× in one run of a build and 6.4× in the next.
struct PeerRatio {
    ours: Duration,
    sqlite: Duration,
    /// The median of each turn's ratio, SQLite's time over ours.
    ratio: f64,
    /// The lowest turn's ratio: the issue asks for 8× in every turn, not only the median.
    lowest: f64,
}

impl PeerRatio {
    const TURNS: usize = 11;

    fn of(f: &Fixture) -> PeerRatio {
        let mut turns: Vec<(Duration, Duration)> = (0..Self::TURNS)
            .map(|_| {
                let ours = time(&|| {
                    std::hint::black_box(our_aging(&f.portfolio));
                });
                let sqlite = time(&|| {
                    std::hint::black_box(sqlite_aging(&f.sqlite));
                });
                (ours, sqlite)
            })
            .collect();
        let mut ratios: Vec<f64> = turns
            .iter()
            .map(|(ours, sqlite)| sqlite.as_secs_f64() / ours.as_secs_f64())
            .collect();
        ratios.sort_by(f64::total_cmp);
        let middle = Self::TURNS / 2;
        turns.sort_by_key(|(ours, _)| *ours);
        let ours = turns[middle].0;
        turns.sort_by_key(|(_, sqlite)| *sqlite);
        PeerRatio {
            ours,
            sqlite: turns[middle].1,
            ratio: ratios[middle],
            lowest: ratios[0],
        }
    }
}

/// How long one plain run of `work` takes.
fn time(work: &dyn Fn()) -> Duration {
    let started = Instant::now();
    work();
    started.elapsed()
}

/// The median of a few plain runs, for the summary table.
fn median_time(work: &dyn Fn()) -> Duration {
    let mut times: Vec<Duration> = (0..5).map(|_| time(work)).collect();
    times.sort();
    times[times.len() / 2]
}

fn print_summary(rows: &[Timing], peers: &[(PortfolioSize, PeerRatio)]) {
    eprintln!("\nsize  work                            items    total       per item");
    for row in rows {
        let per_item = row.time.as_secs_f64() * 1e9 / row.items.max(1) as f64;
        eprintln!(
            "{:<5} {:<30} {:>7} {:>8.1} ms {:>9.0} ns/{}",
            row.size.name(),
            row.name,
            row.items,
            row.time.as_secs_f64() * 1e3,
            per_item,
            row.item
        );
    }
    for (size, peer) in peers {
        eprintln!(
            "aging at {}, in {} turns: ours {:.1} ms, SQLite {:.1} ms (medians); SQLite takes {:.1}× ours (median of the turns, {:.1}× in the lowest)",
            size.name(),
            PeerRatio::TURNS,
            peer.ours.as_secs_f64() * 1e3,
            peer.sqlite.as_secs_f64() * 1e3,
            peer.ratio,
            peer.lowest
        );
    }
}

/// The portfolio as a customers-and-invoices CSV, as an accounting program exports it.
fn portfolio_csv(portfolio: &Portfolio) -> Vec<u8> {
    let mut csv = String::from(
        "cliente_id,cliente,ciudad,cobrador,factura,fecha_emision,fecha_vencimiento,valor,moneda\n",
    );
    for (id, invoice) in &portfolio.invoices {
        let customer = portfolio.customers.get(&invoice.customer);
        let field = |f: fn(&cobranza::domain::customer::Customer) -> &str| {
            customer.map(f).unwrap_or_default()
        };
        let money = invoice.amount();
        csv.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}\n",
            invoice.customer.0,
            field(|c| &c.name),
            field(|c| &c.city),
            field(|c| &c.collector),
            id.0,
            invoice.issued_on,
            invoice.terms.due_on(),
            money.amount,
            money.currency
        ));
    }
    csv.into_bytes()
}

/// Amounts in SQLite are whole hundredths: exact, and what an accounting database would use.
fn cents(amount: Decimal) -> i64 {
    (amount * Decimal::ONE_HUNDRED).to_i64().unwrap_or(i64::MAX)
}

/// The natural schema: customers, invoices, their dues (one, or one per instalment) and the
/// payments that name them, with the indexes the report's joins use.
fn sqlite_peer(portfolio: &Portfolio) -> Connection {
    let mut db = Connection::open_in_memory().expect("SQLite in memory");
    db.execute_batch(
        "CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT, city TEXT, collector TEXT);
         CREATE TABLE invoices (id TEXT PRIMARY KEY, customer TEXT NOT NULL, currency TEXT NOT NULL, issued_on TEXT NOT NULL);
         CREATE TABLE dues (invoice TEXT NOT NULL, position INTEGER NOT NULL, due_on TEXT NOT NULL, amount INTEGER NOT NULL, PRIMARY KEY (invoice, position));
         CREATE TABLE payments (id TEXT PRIMARY KEY, customer TEXT NOT NULL, invoice TEXT, received_on TEXT NOT NULL, amount INTEGER NOT NULL);
         CREATE INDEX invoices_customer ON invoices (customer);
         CREATE INDEX payments_invoice ON payments (invoice, received_on);",
    )
    .expect("schema");
    let tx = db.transaction().expect("transaction");
    {
        let mut customer = tx
            .prepare("INSERT INTO customers VALUES (?1, ?2, ?3, ?4)")
            .expect("insert customer");
        for (id, c) in &portfolio.customers {
            customer
                .execute((id.0.as_str(), &c.name, &c.city, &c.collector))
                .expect("customer");
        }
        let mut invoice = tx
            .prepare("INSERT INTO invoices VALUES (?1, ?2, ?3, ?4)")
            .expect("insert invoice");
        let mut due = tx
            .prepare("INSERT INTO dues VALUES (?1, ?2, ?3, ?4)")
            .expect("insert due");
        for (id, i) in &portfolio.invoices {
            invoice
                .execute((
                    id.0.as_str(),
                    i.customer.0.as_str(),
                    i.amount().currency.code(),
                    i.issued_on.to_string(),
                ))
                .expect("invoice");
            for (position, d) in i.terms.dues().enumerate() {
                due.execute((
                    id.0.as_str(),
                    position as i64,
                    d.due_on.to_string(),
                    cents(d.amount),
                ))
                .expect("due");
            }
        }
        let mut payment = tx
            .prepare("INSERT INTO payments VALUES (?1, ?2, ?3, ?4, ?5)")
            .expect("insert payment");
        for (id, p) in &portfolio.payments {
            let named = p.applies_to.first().map(|i| i.0.as_str());
            payment
                .execute((
                    id.0.as_str(),
                    p.customer.0.as_str(),
                    named,
                    p.received_on.to_string(),
                    cents(p.amount.amount),
                ))
                .expect("payment");
        }
    }
    tx.commit().expect("commit");
    db
}

/// The aging report in SQL: what each payment leaves open on its invoice's dues, earliest
/// due first (a running total per invoice), then summed per customer, currency and bucket.
/// It matches Cobranza's allocation for payments that name one invoice and do not pay more
/// than it, which is every payment the sample portfolios hold.
const SQL_AGING: &str = "
WITH paid AS (
    SELECT invoice, SUM(amount) AS paid FROM payments WHERE received_on <= ?1 GROUP BY invoice
),
open_dues AS (
    SELECT i.customer, i.currency,
           CAST(julianday(?1) - julianday(d.due_on) AS INTEGER) AS age,
           MAX(0, MIN(d.amount,
               SUM(d.amount) OVER (PARTITION BY d.invoice ORDER BY d.position) - COALESCE(p.paid, 0)
           )) AS open
    FROM dues d
    JOIN invoices i ON i.id = d.invoice
    LEFT JOIN paid p ON p.invoice = d.invoice
    WHERE i.issued_on <= ?1
)
SELECT customer, currency,
       SUM(CASE WHEN age <= 0 THEN open ELSE 0 END),
       SUM(CASE WHEN age BETWEEN 1 AND 30 THEN open ELSE 0 END),
       SUM(CASE WHEN age BETWEEN 31 AND 60 THEN open ELSE 0 END),
       SUM(CASE WHEN age BETWEEN 61 AND 90 THEN open ELSE 0 END),
       SUM(CASE WHEN age BETWEEN 91 AND 120 THEN open ELSE 0 END),
       SUM(CASE WHEN age > 120 THEN open ELSE 0 END)
FROM open_dues
WHERE open > 0
GROUP BY customer, currency";

type Rows = BTreeMap<(String, String), [i64; 6]>;

fn sqlite_aging(db: &Connection) -> Rows {
    let mut statement = db.prepare_cached(SQL_AGING).expect("aging query");
    let rows = statement
        .query_map([today().to_string()], |row| {
            let mut buckets = [0i64; 6];
            for (n, bucket) in buckets.iter_mut().enumerate() {
                *bucket = row.get(n + 2)?;
            }
            Ok(((row.get(0)?, row.get(1)?), buckets))
        })
        .expect("aging rows");
    rows.map(|row| row.expect("aging row")).collect()
}

/// Before any timing: both compute the same report, to the cent.
fn assert_sqlite_agrees(f: &Fixture) {
    let ours: Rows = our_aging(&f.portfolio)
        .rows
        .iter()
        .map(|row| {
            let mut buckets = [0i64; 6];
            for (bucket, amount) in buckets.iter_mut().zip(&row.buckets) {
                *bucket = cents(*amount);
            }
            (
                (row.customer.0.to_string(), row.currency.to_string()),
                buckets,
            )
        })
        .collect();
    let theirs = sqlite_aging(&f.sqlite);
    assert_eq!(ours.len(), theirs.len(), "rows at {}", f.size.name());
    assert!(
        ours == theirs,
        "SQLite's aging differs from ours at {}",
        f.size.name()
    );
}

criterion_group!(benches, scale);
criterion_main!(benches);
