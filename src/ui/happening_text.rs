//! One line of a customer's history in words, and the amount it moved, as the history and
//! the dossier's chronology both write it.

use crate::domain::money::Money;
use crate::domain::timeline::Happening;
use crate::ui::i18n::I18n;

pub fn happening_text(i18n: I18n, happening: &Happening) -> (String, Option<Money>) {
    let (t, d, o, c, l) = (
        i18n.texts(),
        i18n.day(),
        i18n.outreach(),
        i18n.credit(),
        i18n.legal(),
    );
    let fmt = i18n.number_format();
    match happening {
        Happening::InvoiceIssued(id, amount, kind) => {
            ((t.timeline_invoice)(&id.0, kind, fmt), Some(*amount))
        }
        Happening::PaymentReceived {
            method,
            amount,
            receipt,
            ..
        } => {
            let text = (t.timeline_payment)((t.method_name)(*method));
            let text = match receipt {
                Some(r) => format!("{text} · {r}"),
                None => text,
            };
            (text, Some(*amount))
        }
        Happening::PaymentVoided {
            amount,
            receipt,
            reason,
        } => {
            let text = (d.timeline_void)(reason);
            let text = match receipt {
                Some(r) => format!("{text} · {r}"),
                None => text,
            };
            (text, Some(*amount))
        }
        Happening::CreditNoteIssued(number, amount) => {
            ((t.timeline_credit_note)(number), Some(*amount))
        }
        Happening::ContactMade(contact) => {
            let mut text = (d.timeline_contact)(
                (d.channel_name)(contact.channel),
                (d.outcome_name)(contact.outcome),
            );
            if !contact.note.is_empty() {
                text = format!("{text} — {}", contact.note);
            }
            if contact.position.is_some() {
                text = format!("{text} · {}", d.visit_proof);
            }
            if let Some(reason) = &contact.policy_override {
                text = format!("{text} · {}", (o.override_recorded)(reason));
            }
            (text, None)
        }
        Happening::PromiseMade {
            due_on,
            amount,
            outcome,
        } => (
            format!(
                "{} ({})",
                (t.timeline_promise)(&fmt.date(*due_on)),
                (d.promise_outcome)(*outcome)
            ),
            Some(*amount),
        ),
        Happening::DisputeOpened(_, dispute) => (
            (d.timeline_dispute)((d.dispute_reason)(dispute.reason)),
            dispute.amount,
        ),
        Happening::DisputeResolved => (t.timeline_dispute_resolved.to_owned(), None),
        Happening::PlanAgreed {
            installments,
            balance,
        } => ((d.timeline_plan)(*installments), Some(*balance)),
        Happening::Typified(typification) => {
            let judged = typification
                .willingness
                .map_or(d.not_known, d.willingness_name);
            (
                (d.timeline_typified)(&format!(
                    "{judged} · {} {}",
                    d.risk,
                    (d.risk_name)(typification.risk).to_lowercase()
                )),
                None,
            )
        }
        Happening::Skipped(reason) => ((d.timeline_skipped)((d.skip_reason)(*reason)), None),
        Happening::CreditHeld { reason, by } => ((c.timeline_hold)(reason, by), None),
        Happening::CreditRestored { by } => ((c.timeline_restored)(by), None),
        Happening::HandedToSales {
            salesperson,
            note,
            by,
        } => ((c.timeline_handed)(salesperson, note, by), None),
        Happening::BureauFiled { kind, by } => ((l.timeline_filed)(*kind, by), None),
        Happening::ChannelRevoked(channel) => (
            (o.timeline_channel_revoked)((d.channel_name)(*channel)),
            None,
        ),
    }
}
