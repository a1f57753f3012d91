//! The contact policies the law of each country sets, as presets a business starts from; every
//! number stays editable in Ajustes.

use serde::{Deserialize, Serialize};

use super::rule::{PolicyRule, Rule, Scope, Week, Window};
use super::ContactPolicy;
use crate::domain::holiday::Country;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    Colombia,
    Chile,
    Peru,
    Mexico,
    Ecuador,
    UnitedStates,
    Custom,
}

const CO_CHANNELS: &str = "Ley 2300 de 2023, art. 2";
const CO_HOURS: &str = "Ley 2300 de 2023, art. 3";
const CO_VISITS: &str = "Ley 2300 de 2023, art. 6";
const CL: &str = "Ley 19.496, art. 37";
const PE: &str = "Ley 29571, Código de Protección y Defensa del Consumidor, art. 62";
const MX: &str = "CONDUSEF, Disposiciones en materia de despachos de cobranza";
const EC: &str = "Ley Orgánica de Defensa del Consumidor y normas de cobranza extrajudicial";
const US_HOURS: &str = "Regulation F, 12 CFR 1006.6(b)(1)(i)";
const US_CALLS: &str = "Regulation F, 12 CFR 1006.14(b)(2)";
const US_MEDIA: &str = "Regulation F, 12 CFR 1006.14(h)";
const CUSTOM: &str = "Definida por la empresa";

impl Preset {
    pub const ALL: [Preset; 7] = [
        Preset::Colombia,
        Preset::Chile,
        Preset::Peru,
        Preset::Mexico,
        Preset::Ecuador,
        Preset::UnitedStates,
        Preset::Custom,
    ];

    pub fn country(self) -> Option<Country> {
        match self {
            Preset::Colombia => Some(Country::Colombia),
            Preset::Chile => Some(Country::Chile),
            Preset::Peru => Some(Country::Peru),
            Preset::Mexico => Some(Country::Mexico),
            Preset::Ecuador => Some(Country::Ecuador),
            Preset::UnitedStates => Some(Country::UnitedStates),
            Preset::Custom => None,
        }
    }

    /// The policy as the law sets it.
    pub fn policy(self) -> ContactPolicy {
        let rule = |rule, source: &str| PolicyRule {
            rule,
            source: source.to_owned(),
        };
        let all = Scope::AllChannels;
        let rules = match self {
            Preset::Colombia => vec![
                rule(Rule::AuthorizedChannelsOnly, CO_CHANNELS),
                rule(Rule::DebtorOnly, CO_CHANNELS),
                rule(Rule::ConsumerVisits, CO_VISITS),
                rule(
                    Rule::Hours {
                        scope: all,
                        week: week(
                            [(7, 19), (7, 19), (7, 19), (7, 19), (7, 19)],
                            Some((8, 15)),
                            None,
                        ),
                    },
                    CO_HOURS,
                ),
                rule(Rule::NoHolidays { scope: all }, CO_HOURS),
                rule(
                    Rule::Cap {
                        scope: all,
                        max: 1,
                        days: 1,
                    },
                    CO_HOURS,
                ),
                rule(
                    Rule::PauseAfterConversation {
                        scope: all,
                        days: 7,
                    },
                    CO_HOURS,
                ),
            ],
            Preset::Chile => vec![
                rule(
                    Rule::Hours {
                        scope: all,
                        week: week([(8, 20); 5], Some((8, 20)), None),
                    },
                    CL,
                ),
                rule(Rule::NoHolidays { scope: all }, CL),
                rule(
                    Rule::Cap {
                        scope: Scope::CallsAndVisits,
                        max: 1,
                        days: 7,
                    },
                    CL,
                ),
                rule(
                    Rule::Cap {
                        scope: Scope::Written,
                        max: 2,
                        days: 7,
                    },
                    CL,
                ),
                rule(
                    Rule::Spacing {
                        scope: Scope::Written,
                        days: 2,
                    },
                    CL,
                ),
            ],
            Preset::Peru => vec![
                rule(
                    Rule::Hours {
                        scope: Scope::CallsAndVisits,
                        week: week([(7, 20); 5], None, None),
                    },
                    PE,
                ),
                rule(
                    Rule::NoHolidays {
                        scope: Scope::CallsAndVisits,
                    },
                    PE,
                ),
            ],
            Preset::Mexico => vec![rule(
                Rule::Hours {
                    scope: all,
                    week: week([(7, 22); 5], Some((7, 22)), Some((7, 22))),
                },
                MX,
            )],
            Preset::Ecuador => vec![
                rule(
                    Rule::Hours {
                        scope: all,
                        week: week([(7, 20); 5], None, None),
                    },
                    EC,
                ),
                rule(
                    Rule::Cap {
                        scope: all,
                        max: 1,
                        days: 1,
                    },
                    EC,
                ),
            ],
            Preset::UnitedStates => vec![
                rule(
                    Rule::Hours {
                        scope: all,
                        week: week([(8, 21); 5], Some((8, 21)), Some((8, 21))),
                    },
                    US_HOURS,
                ),
                rule(
                    Rule::Cap {
                        scope: Scope::Calls,
                        max: 7,
                        days: 7,
                    },
                    US_CALLS,
                ),
                rule(
                    Rule::PauseAfterConversation {
                        scope: Scope::Calls,
                        days: 7,
                    },
                    US_CALLS,
                ),
                rule(Rule::AuthorizedChannelsOnly, US_MEDIA),
            ],
            Preset::Custom => vec![
                rule(Rule::AuthorizedChannelsOnly, CUSTOM),
                rule(
                    Rule::Hours {
                        scope: all,
                        week: week([(8, 19); 5], Some((8, 13)), None),
                    },
                    CUSTOM,
                ),
                rule(Rule::NoHolidays { scope: all }, CUSTOM),
                rule(
                    Rule::Cap {
                        scope: all,
                        max: 1,
                        days: 1,
                    },
                    CUSTOM,
                ),
            ],
        };
        let country = self.country();
        ContactPolicy {
            preset: self,
            country,
            time_zone: country.unwrap_or(Country::Colombia).time_zone().to_owned(),
            rules,
            extra_holidays: Vec::new(),
        }
    }
}

/// Hours from whole hours: Monday to Friday, then Saturday and Sunday.
fn week(
    weekdays: [(u32, u32); 5],
    saturday: Option<(u32, u32)>,
    sunday: Option<(u32, u32)>,
) -> Week {
    let window = |(from, until): (u32, u32)| Window::new((from, 0), (until, 0));
    let mut week: Week = [None; 7];
    for (day, hours) in weekdays.into_iter().enumerate() {
        week[day] = window(hours);
    }
    week[5] = saturday.and_then(window);
    week[6] = sunday.and_then(window);
    week
}
