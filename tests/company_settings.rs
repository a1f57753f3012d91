//! The company's rules travel: the office sets the contact policy, the reminders and their
//! wording once, and every device that receives its work follows them. A collector's phone
//! cannot change them, and a file that tries is refused whole, naming the device.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{NaiveDate, NaiveTime};
use cobranza::domain::company_settings::CompanySettings;
use cobranza::domain::contact_policy::{Rule, Window};
use cobranza::domain::customer::CustomerId;
use cobranza::domain::message_template::MessageKind;
use cobranza::sync::bundle::format::BundleKind;
use cobranza::sync::bundle::import_plan::ImportPlan;
use cobranza::sync::bundle::problem::BundleProblem;
use cobranza::sync::bundle::receive::{receive, Received};
use cobranza::sync::company_settings::{Company, MovingIn, SettingField, SettingsPatch};
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::intake::{admit, Refused};
use cobranza::sync::op::{CustomerPatch, Event, Op};
use cobranza::sync::projection::Projection;
use cobranza::sync::role::Role;
use common::{DeviceLog, NOW};

fn id(name: &str) -> DeviceId {
    DeviceId(name.into())
}

fn founding(device: &str) -> Event {
    Event::DeviceRoleSet {
        device: id(device),
        role: Role::Office,
        label: format!("Dispositivo {device}"),
    }
}

fn change(patch: SettingsPatch) -> Event {
    Event::CompanySettingsChanged { change: patch }
}

/// The office's own rules: Colombia's hours stop at 18:00, and the first reminder says it
/// the company's way.
fn offices_rules() -> CompanySettings {
    let mut settings = CompanySettings::default();
    for rule in &mut settings.outreach.policy.rules {
        if let Rule::Hours { week, .. } = &mut rule.rule {
            for window in week.iter_mut().flatten() {
                *window = Window::new((8, 0), (18, 0)).expect("a window");
            }
        }
    }
    settings.outreach.set_template(
        MessageKind::Reminder(-3),
        Some("Hola {cliente}, le recordamos su factura.".into()),
    );
    settings.outreach.company = "Distribuidora Andina".into();
    settings
}

fn office() -> DeviceLog {
    let mut office = DeviceLog::new("office");
    office.append(vec![
        founding("office"),
        change(SettingsPatch::whole(&offices_rules())),
        Event::CustomerUpserted {
            customer: CustomerId("c1".into()),
            patch: CustomerPatch {
                name: Some("Ana Gómez".into()),
                collector: Some("Juan".into()),
                ..CustomerPatch::default()
            },
        },
    ]);
    office
}

fn import(file: &str, me: &str, stored: &[Op]) -> Result<ImportPlan, BundleProblem> {
    match receive(file.as_bytes(), &id(me), &Projection::from_ops(stored), NOW)? {
        Received::Planned(plan) => Ok(plan),
        other => panic!("a plain bundle is planned: {other:?}"),
    }
}

fn company_of(ops: &[Op]) -> Company {
    Projection::from_ops(ops)
        .company()
        .resolve(&CompanySettings::default())
}

#[test]
fn a_collectors_phone_takes_the_offices_rules_from_its_route_and_cannot_change_them() {
    let office = office();
    let route = BundleKind::Route {
        collector: "Juan".into(),
    };
    let plan = import(&office.bundle("Oficina", route, &office.ops), "juan", &[])
        .expect("the route is taken");
    let company = company_of(&plan.new_ops);
    assert_eq!(company.settings, offices_rules());
    let hours_end = company
        .settings
        .outreach
        .policy
        .rules
        .iter()
        .find_map(|r| match &r.rule {
            Rule::Hours { week, .. } => week[0].as_ref().map(|w| w.until),
            _ => None,
        });
    assert_eq!(hours_end, NaiveTime::from_hms_opt(18, 0, 0));
    assert!(company.roles.is_office(&id("office")));
    assert!(!company.may_change(&id("juan"), false));
    assert!(
        !company.may_change(&id("juan"), true),
        "not even a phone that shows everyone's agenda, once the company has an office"
    );
    let last = company.last_change().expect("the office's change");
    assert_eq!(last.at.device, id("office"));
    assert_eq!(
        company.labels.get(&id("office")).map(String::as_str),
        Some("Dispositivo office"),
        "who set the rules is named even where no bundle of theirs ever came"
    );
}

#[test]
fn a_collectors_bundle_that_changes_the_company_settings_is_refused_naming_the_collector() {
    let office = office();
    let mut juan = DeviceLog::new("juan");
    juan.ops = office.ops.clone();
    juan.now_ms = office.now_ms;
    let mut looser = offices_rules();
    looser.outreach.company = "Cobros Juan".into();
    juan.append(vec![change(SettingsPatch::between(
        &offices_rules(),
        &looser,
    ))]);
    let file = juan.bundle("Juan", BundleKind::Full, &juan.ops);
    assert_eq!(
        import(&file, "office", &office.ops).map(|plan| plan.new_ops.len()),
        Err(BundleProblem::NotOffice {
            device: id("juan"),
            label: Some("Juan".into()),
        })
    );
    // Judged by the file's own role marks, so a device that knows no office yet refuses it
    // too.
    assert!(matches!(
        import(&file, "tablet", &[]),
        Err(BundleProblem::NotOffice { .. })
    ));
}

#[test]
fn a_collector_naming_itself_the_office_is_refused() {
    let office = office();
    let mut juan = DeviceLog::new("juan");
    juan.ops = office.ops.clone();
    juan.now_ms = office.now_ms;
    juan.append(vec![founding("juan")]);
    let file = juan.bundle("Juan", BundleKind::Full, &juan.ops);
    assert!(matches!(
        import(&file, "office", &office.ops),
        Err(BundleProblem::NotOffice { device, .. }) if device == id("juan")
    ));
}

#[test]
fn another_companys_office_is_refused_both_ways() {
    let office = office();
    // A phone that set its own rules before it was given a route: it founded a company of
    // its own, and an earlier one.
    let mut other = DeviceLog::new("other");
    other.now_ms = office.now_ms - 3_600_000;
    other.append(vec![
        founding("other"),
        change(SettingsPatch::whole(&CompanySettings::default())),
    ]);
    let theirs = other.bundle("Otra", BundleKind::Full, &other.ops);
    assert!(matches!(
        import(&theirs, "office", &office.ops),
        Err(BundleProblem::NotOffice { device, .. }) if device == id("other")
    ));
    let ours = office.bundle("Oficina", BundleKind::Full, &office.ops);
    assert!(matches!(
        import(&ours, "other", &other.ops),
        Err(BundleProblem::NotOffice { device, .. }) if device == id("office")
    ));
}

#[test]
fn the_office_names_a_second_office_and_each_field_keeps_its_latest_change() {
    let mut office = office();
    office.append(vec![Event::DeviceRoleSet {
        device: id("tablet"),
        role: Role::Office,
        label: String::new(),
    }]);
    let mut tablet = DeviceLog::new("tablet");
    tablet.ops = office.ops.clone();
    tablet.now_ms = office.now_ms;
    let day_off = NaiveDate::from_ymd_opt(2027, 3, 8).expect("a date");
    tablet.append(vec![change(SettingsPatch {
        days_off: Some(vec![day_off]),
        ..SettingsPatch::default()
    })]);
    // Meanwhile the office renames the company, later by the clock.
    office.now_ms = tablet.now_ms + 60_000;
    office.append(vec![change(SettingsPatch {
        company: Some("Andina S.A.S.".into()),
        ..SettingsPatch::default()
    })]);
    let file = tablet.bundle("Tablet", BundleKind::Full, &tablet.ops);
    let plan = import(&file, "office", &office.ops).expect("an office's change is taken");
    let all: Vec<Op> = office.ops.iter().chain(&plan.new_ops).cloned().collect();
    let company = company_of(&all);
    assert_eq!(
        company.settings.outreach.policy.extra_holidays,
        vec![day_off]
    );
    assert_eq!(company.settings.outreach.company, "Andina S.A.S.");
    let fields: Vec<Vec<SettingField>> = company.history.iter().map(|c| c.fields.clone()).collect();
    assert_eq!(
        fields.last(),
        Some(&vec![SettingField::Company]),
        "the history says what each change changed"
    );
}

#[test]
fn a_server_page_with_another_companys_office_is_refused_and_a_collectors_change_is_inert() {
    let office = office();
    let mut other = DeviceLog::new("other");
    other.append(vec![founding("other")]);
    let admitted = admit(
        other.ops.clone(),
        None,
        &id("office"),
        &Projection::from_ops(&office.ops),
        NOW,
    );
    assert_eq!(
        admitted.refused.iter().map(|r| &r.why).collect::<Vec<_>>(),
        vec![&Refused::NotOffice]
    );
    // A change the server let through (an older server without the rule) is taken, and
    // changes nothing.
    let mut juan = DeviceLog::new("juan");
    juan.ops = office.ops.clone();
    juan.now_ms = office.now_ms;
    juan.append(vec![change(SettingsPatch {
        company: Some("Cobros Juan".into()),
        ..SettingsPatch::default()
    })]);
    let page: Vec<Op> = juan.ops[office.ops.len()..].to_vec();
    let admitted = admit(
        page,
        None,
        &id("office"),
        &Projection::from_ops(&office.ops),
        NOW,
    );
    assert!(admitted.is_clean());
    let all: Vec<Op> = office
        .ops
        .iter()
        .chain(&admitted.new_ops)
        .cloned()
        .collect();
    assert_eq!(company_of(&all).settings, offices_rules());
}

/// Settings an older version kept in a browser, as the company's settings resolved over them.
fn kept_on(ops: &[Op]) -> (CompanySettings, Company) {
    let mut kept = CompanySettings::default();
    kept.outreach.company = "Lo que tenía este teléfono".into();
    let company = Projection::from_ops(ops).company().resolve(&kept);
    (kept, company)
}

#[test]
fn kept_settings_move_in_once_on_the_office_and_wait_on_a_collectors_phone() {
    // The office's tablet, before any company operation: its settings become the company's,
    // and it the company's office.
    let (kept, company) = kept_on(&[]);
    let MovingIn::Write(events) = company.moving_in(&id("office"), "Oficina", true) else {
        panic!("the office writes its settings");
    };
    let mut office = DeviceLog::new("office");
    office.append(events);
    let written = company_of(&office.ops);
    assert_eq!(written.settings, kept);
    assert!(written.roles.is_office(&id("office")));
    // Written once: with the company's settings in the log, what was kept is dropped.
    assert_eq!(
        kept_on(&office.ops)
            .1
            .moving_in(&id("office"), "Oficina", true),
        MovingIn::Drop
    );
    // A collector's phone (it shows one collector's agenda) keeps its own until the
    // office's arrive, and writes nothing.
    assert_eq!(
        kept_on(&[]).1.moving_in(&id("juan"), "Juan", false),
        MovingIn::Keep
    );
    assert_eq!(
        kept_on(&office.ops).1.moving_in(&id("juan"), "Juan", false),
        MovingIn::Drop
    );
}
