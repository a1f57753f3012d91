//! Days sales outstanding: how many days of credit sales the receivables represent, three
//! ways, and what the difference between them says about late payment.

use rust_decimal::Decimal;

/// Standard DSO = receivables at the cut-off ÷ credit sales of the period × days in the
/// period. `None` without credit sales: the ratio says nothing then.
pub fn standard_dso(receivables: Decimal, credit_sales: Decimal, days: i64) -> Option<Decimal> {
    // Multiplying first keeps a whole answer whole (50,000 × 30 ÷ 150,000 is 10, not 9.99…).
    (credit_sales > Decimal::ZERO).then(|| receivables * Decimal::from(days) / credit_sales)
}

/// Best possible DSO = receivables not yet due ÷ credit sales × days: the DSO if every
/// customer paid exactly on time, the floor set by the credit terms themselves.
pub fn best_possible_dso(current: Decimal, credit_sales: Decimal, days: i64) -> Option<Decimal> {
    standard_dso(current, credit_sales, days)
}

/// Average days delinquent = standard DSO − best possible DSO: the days lost to late payment.
pub fn average_days_delinquent(dso: Option<Decimal>, best: Option<Decimal>) -> Option<Decimal> {
    Some(dso? - best?)
}

/// One month of the count-back method: how many days it has and what was sold on credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthSales {
    pub days: i64,
    pub sales: Decimal,
}

/// Count-back DSO: starting from the most recent month, take away each month's credit sales
/// from the receivables and count its days, until what is left is less than a month's sales;
/// that month counts the fraction left ÷ its sales of its days. Unlike the standard DSO it
/// does not move when sales rise or fall, only when customers pay later or sooner.
///
/// `months` runs most recent first. Receivables older than every month given count all the
/// months' days: the answer is then "at least this". `None` when no month had sales.
pub fn count_back_dso(receivables: Decimal, months: &[MonthSales]) -> Option<Decimal> {
    if months.iter().all(|m| m.sales <= Decimal::ZERO) {
        return None;
    }
    let mut left = receivables.max(Decimal::ZERO);
    let mut days = Decimal::ZERO;
    for month in months {
        if left <= month.sales {
            let part = if left.is_zero() {
                Decimal::ZERO
            } else {
                left * Decimal::from(month.days) / month.sales
            };
            return Some(days + part);
        }
        left -= month.sales;
        days += Decimal::from(month.days);
    }
    Some(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn month(sales: Decimal) -> MonthSales {
        MonthSales { days: 30, sales }
    }

    #[test]
    fn count_back_worked_example() {
        // Sales of 70,000, 80,000 and 100,000 in the last three months (the last one most
        // recent) and 212,000 receivable: 100,000 is the last 30 days, 80,000 the 30 before,
        // and the 32,000 left is 32/70 of the 30 days before that: 73.7 days.
        let months = [month(dec!(100000)), month(dec!(80000)), month(dec!(70000))];
        let dso = count_back_dso(dec!(212000), &months).expect("there were sales");
        assert_eq!(dso.round_dp(1), dec!(73.7));
        // The standard method on the same figures: 212,000 ÷ 250,000 × 90 = 76.3 days.
        let standard = standard_dso(dec!(212000), dec!(250000), 90).expect("sales");
        assert_eq!(standard.round_dp(1), dec!(76.3));
    }

    #[test]
    fn count_back_stops_within_the_first_month_and_at_the_end_of_history() {
        let months = [month(dec!(100)), month(dec!(100))];
        assert_eq!(count_back_dso(dec!(50), &months), Some(dec!(15)));
        assert_eq!(count_back_dso(Decimal::ZERO, &months), Some(Decimal::ZERO));
        assert_eq!(count_back_dso(dec!(500), &months), Some(dec!(60)));
        // A month without sales counts whole: that debt is older still.
        let gap = [month(Decimal::ZERO), month(dec!(100))];
        assert_eq!(count_back_dso(dec!(50), &gap), Some(dec!(45)));
    }

    #[test]
    fn without_sales_no_dso_is_given() {
        assert_eq!(standard_dso(dec!(100), Decimal::ZERO, 30), None);
        assert_eq!(count_back_dso(dec!(100), &[month(Decimal::ZERO)]), None);
        assert_eq!(count_back_dso(dec!(100), &[]), None);
        assert_eq!(average_days_delinquent(None, Some(dec!(3))), None);
    }

    #[test]
    fn best_possible_and_delinquent_days_split_the_standard_dso() {
        // 90 days, 300,000 sold, 150,000 receivable of which 60,000 not yet due.
        let dso = standard_dso(dec!(150000), dec!(300000), 90);
        let best = best_possible_dso(dec!(60000), dec!(300000), 90);
        assert_eq!(dso, Some(dec!(45)));
        assert_eq!(best, Some(dec!(18)));
        assert_eq!(average_days_delinquent(dso, best), Some(dec!(27)));
    }
}
