//! The statement of account as plain text, for WhatsApp, SMS or mail.

use crate::domain::money::Money;
use crate::domain::number_format::NumberFormat;
use crate::domain::statement::{Movement, Statement, StatementLine};
use crate::ui::i18n::{ReportTexts, Texts};

/// One line per movement, each currency in its own block.
pub fn statement_text(
    statement: &Statement,
    customer: &str,
    t: &Texts,
    r: &ReportTexts,
    fmt: NumberFormat,
) -> String {
    let mut lines = vec![(r.statement_heading)(
        customer,
        &fmt.date(statement.from),
        &fmt.date(statement.to),
    )];
    for (currency, s) in &statement.currencies {
        let money = |amount| fmt.money(Money::new(amount, *currency));
        lines.push(String::new());
        lines.push(format!("{}: {}", r.opening_balance, money(s.opening)));
        lines.extend(s.lines.iter().map(|line| {
            let amount = if line.charge.is_zero() {
                format!("−{}", money(line.credit))
            } else {
                format!("+{}", money(line.charge))
            };
            format!(
                "{} {}: {amount}",
                fmt.date(line.on),
                describe(line, t, r, fmt)
            )
        }));
        lines.push(format!("{}: {}", r.closing_balance, money(s.closing)));
        if !s.overdue().is_zero() {
            lines.push(format!("{}: {}", r.overdue_at_end, money(s.overdue())));
        }
    }
    lines.join("\n")
}

/// "Factura FV-1001 (vence 05/10/2026)", "Pago (Efectivo) RC-7", "Nota crédito NC-2".
pub fn describe(line: &StatementLine, t: &Texts, r: &ReportTexts, fmt: NumberFormat) -> String {
    let kind = movement_name(&line.movement, t, r);
    let document = line.movement.document();
    let mut text = if document.is_empty() {
        kind
    } else {
        format!("{kind} {document}")
    };
    if let Movement::Invoice { due_on, .. } = &line.movement {
        text.push_str(&format!(" ({})", (r.due_on)(&fmt.date(*due_on))));
    }
    text
}

/// "Factura", "Pago (Transferencia)", "Nota crédito".
pub fn movement_name(movement: &Movement, t: &Texts, r: &ReportTexts) -> String {
    let method = match movement {
        Movement::Payment { method, .. } => (t.method_name)(*method),
        _ => "",
    };
    (r.movement)(movement, method)
}
