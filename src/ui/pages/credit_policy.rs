use leptos::prelude::*;
use leptos_router::components::A;

use super::interest_claim::percent;
use super::{customer_href, customer_in_query, CustomerNotFound};
use crate::domain::credit_policy::{credit_policy, CreditPolicy};
use crate::domain::late_interest::InterestBasis;
use crate::domain::number_format::NumberFormat;
use crate::ui::i18n::{use_i18n, CreditPolicyTexts, OutreachTexts};
use crate::ui::print_controls::{Paper, PrintControls};
use crate::ui::send_to_customer::SendToCustomer;
use crate::ui::session::use_session;

/// Cliente → Política de crédito: the customer's terms and the company's collection rules, to
/// print or send the day credit is given, from the settings every device applies.
#[component]
pub fn CreditPolicyPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let (id, customer) = customer_in_query();
    let paper = RwSignal::new(Paper::default());
    let sections = Memo::new(move |_| {
        let customer = customer.get()?;
        let hold = id
            .get()
            .and_then(|id| session.portfolio.with(|p| p.credit_holds.get(&id).cloned()));
        Some(session.company.with(|company| {
            let policy = credit_policy(&company.settings, &customer, hold.as_ref());
            sections(
                &policy,
                i18n.credit_policy(),
                i18n.outreach(),
                i18n.number_format(),
            )
        }))
    });
    let p = move || i18n.credit_policy();
    let company = move || {
        session
            .company
            .with(|c| c.settings.outreach.company.trim().to_owned())
    };
    let as_of = move || (p().as_of)(&i18n.number_format().date(session.today.get()));
    let text = Memo::new(move |_| {
        let name = customer.with(|c| c.as_ref().map(|c| c.name.clone()))?;
        let body = sections.with(|s| s.as_ref().map(|s| plain_text(s)))?;
        let heading = [
            company(),
            p().title.to_owned(),
            (p().for_customer)(&name),
            as_of(),
        ];
        let heading: Vec<String> = heading.into_iter().filter(|l| !l.is_empty()).collect();
        Some(format!("{}\n\n{body}", heading.join("\n")))
    });
    move || {
        let Some(customer) = customer.get() else {
            return view! { <CustomerNotFound/> }.into_any();
        };
        let back = id.get().map(|id| customer_href(&id)).unwrap_or_default();
        let r = i18n.report();
        view! {
            <A href=back attr:class="back no-print">{format!("← {}", r.back_to_customer)}</A>
            <PrintControls paper=paper/>
            <article class=move || format!("{} credit-policy", paper.get().class())>
                <p class="policy-company">{company}</p>
                <h1>{move || p().title}</h1>
                <p class="statement-customer">
                    <strong>{(p().for_customer)(&customer.name)}</strong>
                    {(!customer.tax_id.is_empty()).then(|| {
                        let id_type = customer.id_type.map(|t| format!("{} ", t.code())).unwrap_or_default();
                        format!(" · {id_type}{}", customer.tax_id)
                    })}
                </p>
                <p class="as-of">{as_of}</p>
                {move || sections.get().unwrap_or_default().into_iter().map(section_view).collect_view()}
            </article>
            <SendToCustomer customer=customer.clone() title=Signal::derive(move || p().title) text=text/>
        }
        .into_any()
    }
}

/// One part of the policy: paragraphs and lists, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Section {
    heading: &'static str,
    blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Block {
    Paragraph(String),
    List(Vec<String>),
}

fn sections(
    policy: &CreditPolicy<'_>,
    p: &CreditPolicyTexts,
    o: &OutreachTexts,
    fmt: NumberFormat,
) -> Vec<Section> {
    let para = |text: &str| Block::Paragraph(text.to_owned());
    let mut terms = vec![match policy.terms.payment_days {
        Some(days) => Block::Paragraph((p.payment_days)(days)),
        None => para(p.term_per_invoice),
    }];
    terms.extend(
        policy
            .terms
            .limits
            .iter()
            .map(|limit| Block::Paragraph((p.limit)(&fmt.money(*limit)))),
    );
    if policy.hold.is_some() {
        terms.push(para(p.on_hold));
    }
    let how_to_pay = if policy.payment_methods.is_empty() {
        p.ask_how_to_pay
    } else {
        policy.payment_methods
    };
    let rules = policy
        .contact_rules
        .iter()
        .map(|rule| format!("{} ({})", (o.rule_text)(&rule.rule), rule.source))
        .collect();
    let interest = match policy.interest {
        InterestBasis::None => p.interest_none.to_owned(),
        InterestBasis::Agreed { annual_percent } => {
            (p.interest_agreed)(&percent(fmt, *annual_percent), policy.cap)
        }
        InterestBasis::LegalMaximum => (p.interest_legal)(policy.cap),
    };
    vec![
        Section {
            heading: p.terms_heading,
            blocks: terms,
        },
        Section {
            heading: p.pay_heading,
            blocks: vec![para(how_to_pay), para(p.receipts)],
        },
        Section {
            heading: p.late_heading,
            blocks: vec![
                Block::Paragraph((p.reminders)(&policy.reminder_days)),
                para(p.contact_rules),
                Block::List(rules),
                para(p.hold_rule),
                para(p.disputes),
                para(p.costs),
            ],
        },
        Section {
            heading: p.interest_heading,
            blocks: vec![Block::Paragraph(interest)],
        },
    ]
}

fn section_view(section: Section) -> impl IntoView {
    view! {
        <section class="policy-section">
            <h2>{section.heading}</h2>
            {section.blocks.into_iter().map(|block| match block {
                Block::Paragraph(text) => view! { <p>{text}</p> }.into_any(),
                Block::List(items) => view! {
                    <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
                }.into_any(),
            }).collect_view()}
        </section>
    }
}

/// The policy as a message: headings on their own lines, list items bulleted.
fn plain_text(sections: &[Section]) -> String {
    sections
        .iter()
        .map(|section| {
            let mut lines = vec![section.heading.to_uppercase()];
            for block in &section.blocks {
                match block {
                    Block::Paragraph(text) => lines.push(text.clone()),
                    Block::List(items) => {
                        lines.extend(items.iter().map(|item| format!("• {item}")))
                    }
                }
            }
            lines.join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}
