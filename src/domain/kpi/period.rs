//! The span of days a report covers.

use chrono::{Datelike, Days, Months, NaiveDate};

/// Days from `first` to `last`, both included; `last` is the report's cut-off date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    first: NaiveDate,
    last: NaiveDate,
}

impl Period {
    /// `None` when `first` comes after `last`.
    pub fn new(first: NaiveDate, last: NaiveDate) -> Option<Period> {
        (first <= last).then_some(Period { first, last })
    }

    /// The `days` days that end on `cutoff`; at least one.
    pub fn ending(cutoff: NaiveDate, days: u64) -> Period {
        let first = cutoff
            .checked_sub_days(Days::new(days.max(1) - 1))
            .unwrap_or(NaiveDate::MIN);
        Period {
            first,
            last: cutoff,
        }
    }

    /// From the first of `cutoff`'s month to `cutoff`.
    pub fn month_to_date(cutoff: NaiveDate) -> Period {
        Period {
            first: cutoff.with_day0(0).unwrap_or(cutoff),
            last: cutoff,
        }
    }

    pub fn first(&self) -> NaiveDate {
        self.first
    }

    pub fn last(&self) -> NaiveDate {
        self.last
    }

    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        (self.first..=self.last).contains(&day)
    }

    /// The period of the same length that ends the day before this one starts: what a
    /// change is measured against.
    pub fn previous(&self) -> Period {
        let last = self.first.pred_opt().unwrap_or(NaiveDate::MIN);
        Period::ending(last, u64::try_from(self.days()).unwrap_or(1))
    }

    /// Consecutive windows of one month each, ending on the cut-off and going back until one
    /// holds `since`: the months of the count-back method, most recent first. See
    /// `month_start` for where a month begins.
    pub fn months_back(cutoff: NaiveDate, since: NaiveDate) -> Vec<Period> {
        let mut windows = Vec::new();
        let mut last = cutoff;
        for back in 1u32.. {
            let Some(first) = month_start(cutoff, back) else {
                break;
            };
            windows.push(Period { first, last });
            if first <= since {
                break;
            }
            last = first.pred_opt().unwrap_or(first);
        }
        windows
    }

    /// Consecutive windows of `step` that end on the cut-off and cover the period, oldest
    /// first; the oldest may be cut short by the period's first day.
    pub fn windows(&self, step: Step) -> Vec<Period> {
        let mut windows = Vec::new();
        let mut last = self.last;
        for back in 1u32.. {
            let start = match step {
                Step::Week => self
                    .last
                    .checked_sub_days(Days::new(7 * u64::from(back)))
                    .and_then(|d| d.succ_opt()),
                Step::Month => month_start(self.last, back),
            }
            .unwrap_or(self.first);
            let first = start.max(self.first);
            windows.push(Period { first, last });
            if first == self.first {
                break;
            }
            last = first.pred_opt().unwrap_or(first);
        }
        windows.reverse();
        windows
    }
}

/// The periods a manager picks from, each ending on the cut-off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PeriodLength {
    #[default]
    Days30,
    MonthToDate,
    Days90,
    Days365,
}

impl PeriodLength {
    pub const ALL: [PeriodLength; 4] = [
        PeriodLength::Days30,
        PeriodLength::MonthToDate,
        PeriodLength::Days90,
        PeriodLength::Days365,
    ];

    pub fn ending(self, cutoff: NaiveDate) -> Period {
        match self {
            PeriodLength::Days30 => Period::ending(cutoff, 30),
            PeriodLength::MonthToDate => Period::month_to_date(cutoff),
            PeriodLength::Days90 => Period::ending(cutoff, 90),
            PeriodLength::Days365 => Period::ending(cutoff, 365),
        }
    }
}

/// Where the month `back` months before the one ending on `cutoff` begins. A cut-off on the
/// last day of a month steps in calendar months (30 November → 1 November, 1 October…);
/// any other steps from the same date (15 March → 16 February, 16 January…).
fn month_start(cutoff: NaiveDate, back: u32) -> Option<NaiveDate> {
    let is_month_end = cutoff
        .succ_opt()
        .is_none_or(|next| next.month() != cutoff.month());
    if is_month_end {
        cutoff
            .with_day(1)?
            .checked_sub_months(Months::new(back - 1))
    } else {
        cutoff.checked_sub_months(Months::new(back))?.succ_opt()
    }
}

/// How a trend is cut: weeks for a short period, months for a long one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Week,
    Month,
}

impl Step {
    /// Weeks up to about a quarter, so a chart has between 1 and 14 bars either way.
    pub fn for_period(period: &Period) -> Step {
        if period.days() <= 98 {
            Step::Week
        } else {
            Step::Month
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
    }

    #[test]
    fn the_previous_period_has_the_same_length_and_touches_this_one() {
        let p = Period::ending(day(11, 30), 30);
        assert_eq!(p.first(), day(11, 1));
        assert_eq!(p.days(), 30);
        let before = p.previous();
        assert_eq!((before.first(), before.last()), (day(10, 2), day(10, 31)));
        let mtd = Period::month_to_date(day(11, 24));
        assert_eq!((mtd.first(), mtd.days()), (day(11, 1), 24));
        assert_eq!(Period::new(day(2, 1), day(1, 1)), None);
    }

    #[test]
    fn month_windows_go_back_from_the_cutoff_until_they_reach_the_first_sale() {
        let windows = Period::months_back(day(3, 15), day(1, 1));
        let spans: Vec<_> = windows.iter().map(|w| (w.first(), w.last())).collect();
        assert_eq!(
            spans,
            vec![
                (day(2, 16), day(3, 15)),
                (day(1, 16), day(2, 15)),
                (day(12, 16).with_year(2025).expect("date"), day(1, 15)),
            ]
        );
        assert_eq!(windows[0].days(), 28);
        let calendar = Period::months_back(day(11, 30), day(9, 15));
        let spans: Vec<_> = calendar.iter().map(|w| (w.first(), w.days())).collect();
        assert_eq!(
            spans,
            vec![(day(11, 1), 30), (day(10, 1), 31), (day(9, 1), 30)]
        );
    }

    #[test]
    fn trend_windows_tile_the_period_oldest_first() {
        let p = Period::ending(day(11, 24), 30);
        let weeks = p.windows(Step::Week);
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0].first(), p.first());
        assert_eq!(weeks[4].last(), p.last());
        assert_eq!(weeks[4].days(), 7);
        let total: i64 = weeks.iter().map(Period::days).sum();
        assert_eq!(total, 30);
        assert_eq!(Step::for_period(&p), Step::Week);
        assert_eq!(
            Step::for_period(&Period::ending(day(11, 24), 365)),
            Step::Month
        );
    }
}
