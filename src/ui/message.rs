//! The text of a message: the business's own template for its kind, or the language's default
//! when it has none (or when its own no longer renders).

use crate::domain::message_template::{render, MessageKind, MessageValues};
use crate::domain::outreach::OutreachSettings;
use crate::ui::i18n::I18n;

pub fn compose(
    i18n: I18n,
    outreach: &OutreachSettings,
    kind: MessageKind,
    values: &MessageValues,
) -> String {
    let fmt = i18n.number_format();
    let default = (i18n.outreach().default_template)(kind);
    outreach
        .template(kind)
        .and_then(|own| render(own, values, fmt).ok())
        .or_else(|| render(default, values, fmt).ok())
        .unwrap_or_else(|| default.to_owned())
}
