use leptos::prelude::*;

use super::aging_report::{bucket_label, AgingBars};
use super::good_payers::GoodPayers;
use super::kpi_cards::{KpiCards, KpiDefinitions};
use super::segment_comparison::SegmentComparison;
use crate::domain::aging::{age, AgingBasis};
use crate::domain::kpi::figures::breakdown;
use crate::domain::kpi::headline::Kpi;
use crate::domain::kpi::period::{PeriodLength, Step};
use crate::domain::kpi::scorecard::Scorecard;
use crate::domain::kpi::segment::Segment;
use crate::domain::kpi::trend::collected_against_due;
use crate::domain::money::Money;
use crate::ui::bar_chart::{BarChart, BarRow};
use crate::ui::date_field::DateField;
use crate::ui::i18n::{use_i18n, ReportTexts};
use crate::ui::reports_nav::ReportsNav;
use crate::ui::session::use_session;

/// Informes → Tablero: the headline KPIs of a period against the one before, then the
/// pictures (aging, collected against due, promises, collectors) with their tables.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let portfolio = session.portfolio;
    let cutoff = RwSignal::new(session.today.get_untracked());
    let length = RwSignal::new(PeriodLength::default());
    let segment = RwSignal::new(Segment::Portfolio);
    let period = Memo::new(move |_| length.get().ending(cutoff.get()));
    let now = Memo::new(move |_| portfolio.with(|p| breakdown(p, period.get())));
    let before = Memo::new(move |_| portfolio.with(|p| breakdown(p, period.get().previous())));
    let cards = Memo::new(move |_| {
        segment.with(|s| {
            (
                now.with(|b| s.scorecard(b)),
                before.with(|b| s.scorecard(b)),
            )
        })
    });
    let r = move || i18n.report();
    let fmt = move || i18n.number_format();
    let segments = Memo::new(move |_| {
        now.with(|b| {
            let mut options = vec![Segment::Portfolio];
            options.extend(b.by_collector.keys().cloned().map(Segment::Collector));
            options.extend(b.by_city.keys().cloned().map(Segment::City));
            options
        })
    });
    let choose_segment = move |ev| {
        let chosen = event_target_value(&ev).parse::<usize>().ok();
        if let Some(choice) = chosen.and_then(|i| segments.with(|s| s.get(i).cloned())) {
            segment.set(choice);
        }
    };
    view! {
        <h1>{move || r().dashboard_title}</h1>
        <ReportsNav/>
        <div class="report-controls no-print">
            <DateField name="cutoff" label=move || i18n.texts().cutoff_date date=cutoff/>
            <label class="field">
                <span>{move || r().period}</span>
                <select name="period" on:change=move |ev| {
                    let chosen = event_target_value(&ev).parse::<usize>().ok();
                    if let Some(choice) = chosen.and_then(|i| PeriodLength::ALL.get(i)) {
                        length.set(*choice);
                    }
                }>
                    {PeriodLength::ALL.iter().enumerate().map(|(i, choice)| view! {
                        <option value=i.to_string() selected=move || length.get() == *choice>
                            {move || (r().period_length)(*choice)}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || r().segment}</span>
                <select name="segment" on:change=choose_segment>
                    {move || segments.get().into_iter().enumerate().map(|(i, choice)| {
                        let label = segment_label(&choice, r());
                        view! { <option value=i.to_string() selected=segment.get() == choice>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
        <p class="period-range">
            {move || {
                let p = period.get();
                (r().period_range)(&fmt().date(p.first()), &fmt().date(p.last()))
            }}
        </p>
        {move || match cards.get() {
            (None, _) => view! { <p class="empty">{r().no_receivables_in_segment}</p> }.into_any(),
            (Some(now), before) => view! {
                {now.money.keys().map(|currency| view! {
                    <section class="kpi-block" data-currency=currency.to_string()>
                        <h2>{currency.to_string()}</h2>
                        <KpiCards kpis=&Kpi::MONEY now=now.clone() before=before.clone() currency=*currency/>
                    </section>
                }).collect_view()}
                <section class="kpi-block activity">
                    <h2>{r().activity_title}</h2>
                    <KpiCards kpis=&Kpi::ACTIVITY now=now.clone() before=before.clone()/>
                    <PromiseChart card=now.clone()/>
                    <OpenDisputes card=now/>
                </section>
            }.into_any(),
        }}
        <SegmentAging cutoff=cutoff segment=segment/>
        <Trend period=period segment=segment/>
        {move || {
            let r = r();
            let (collectors, cities) = now.with(|b| {
                let cards = |segments: Vec<Segment>| -> Vec<(String, Scorecard)> {
                    segments
                        .into_iter()
                        .filter_map(|s| s.scorecard(b).map(|card| (segment_name(&s, r), card)))
                        .collect()
                };
                (
                    cards(b.by_collector.keys().cloned().map(Segment::Collector).collect()),
                    cards(b.by_city.keys().cloned().map(Segment::City).collect()),
                )
            });
            view! {
                <SegmentComparison title=r.collectors_title column=r.column_collector rows=collectors chart=true kind="collectors"/>
                <SegmentComparison title=r.cities_title column=r.column_city rows=cities kind="cities"/>
            }
        }}
        <GoodPayers period=period/>
        <KpiDefinitions/>
    }
}

/// A collector's or a city's name, or what stands for none.
fn segment_name(segment: &Segment, r: &ReportTexts) -> String {
    match segment {
        Segment::Portfolio => r.whole_portfolio.to_owned(),
        Segment::Collector(name) if name.is_empty() => r.unassigned.to_owned(),
        Segment::City(name) if name.is_empty() => r.no_city.to_owned(),
        Segment::Collector(name) | Segment::City(name) => name.clone(),
    }
}

fn segment_label(segment: &Segment, r: &ReportTexts) -> String {
    let name = segment_name(segment, r);
    match segment {
        Segment::Portfolio => name,
        Segment::Collector(_) => (r.collector_segment)(&name),
        Segment::City(_) => (r.city_segment)(&name),
    }
}

/// The aging of the chosen accounts at the cut-off, as bars per currency.
#[component]
fn SegmentAging(cutoff: RwSignal<chrono::NaiveDate>, segment: RwSignal<Segment>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let buckets = session.company.with_untracked(|c| c.settings.aging.clone());
    let ranges = StoredValue::new(buckets.ranges());
    let totals = Memo::new(move |_| {
        session.portfolio.with(|p| {
            let report = age(p, cutoff.get(), AgingBasis::DueDate, &buckets);
            segment.with(|s| s.aging_totals(p, &report))
        })
    });
    move || {
        let labels: Vec<String> = ranges.with_value(|ranges| {
            ranges
                .iter()
                .map(|range| bucket_label(i18n.texts(), *range))
                .collect()
        });
        totals
            .get()
            .into_iter()
            .map(|(currency, amounts)| {
                view! { <AgingBars labels=labels.clone() amounts=amounts currency=currency/> }
            })
            .collect_view()
    }
}

/// What fell due against what was collected, week by week (or month by month for a year).
#[component]
fn Trend(
    period: Memo<crate::domain::kpi::period::Period>,
    segment: RwSignal<Segment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let trend = Memo::new(move |_| {
        let period = period.get();
        session.portfolio.with(|p| {
            segment.with(|s| {
                collected_against_due(p, period, Step::for_period(&period), |c| {
                    s.includes(p.customers.get(c))
                })
            })
        })
    });
    move || {
        let r = i18n.report();
        let fmt = i18n.number_format();
        trend
            .get()
            .into_iter()
            .map(|(currency, points)| {
                let money = |amount| fmt.money(Money::new(amount, currency));
                let rows = points
                    .into_iter()
                    .map(|point| BarRow {
                        label: (r.week_of)(&fmt.date(point.window.first())),
                        bars: vec![
                            (point.due, money(point.due)),
                            (point.collected, money(point.collected)),
                        ],
                    })
                    .collect();
                view! {
                    <BarChart
                        title=format!("{} · {currency}", r.trend_title)
                        series=vec![r.series_due.to_owned(), r.series_collected.to_owned()]
                        rows=rows
                        kind="trend"
                    />
                }
            })
            .collect_view()
    }
}

/// How the period's promises turned out.
#[component]
fn PromiseChart(card: Scorecard) -> impl IntoView {
    let i18n = use_i18n();
    let r = i18n.report();
    let tally = card.promises;
    if tally.kept + tally.partly_kept + tally.broken + tally.pending == 0 {
        return view! { <p class="empty">{r.no_promises}</p> }.into_any();
    }
    let rows = [
        (r.promises_kept, tally.kept),
        (r.promises_partly_kept, tally.partly_kept),
        (r.promises_broken, tally.broken),
        (r.promises_pending, tally.pending),
    ]
    .into_iter()
    .map(|(label, count)| BarRow {
        label: label.to_owned(),
        bars: vec![(count.into(), count.to_string())],
    })
    .collect();
    view! { <BarChart title=r.promises_title.to_owned() rows=rows kind="promises"/> }.into_any()
}

/// Disputes open at the cut-off, by reason.
#[component]
fn OpenDisputes(card: Scorecard) -> impl IntoView {
    let i18n = use_i18n();
    let r = i18n.report();
    let d = i18n.day();
    (!card.open_disputes.is_empty()).then(|| {
        view! {
            <table class="open-disputes">
                <caption>{r.disputes_title}</caption>
                <tbody>
                    {card.open_disputes.into_iter().map(|(reason, count)| view! {
                        <tr><th scope="row">{(d.dispute_reason)(reason)}</th><td class="amount">{count}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}
