//! How to reach a customer with the phone's own apps: dialer, WhatsApp, SMS, mail and maps.

use crate::domain::customer::Customer;
use crate::ui::i18n::{DayTexts, Texts};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    Call,
    WhatsApp,
    Sms,
    Email,
    Map,
}

impl Reach {
    pub fn label(self, t: &Texts, day: &DayTexts) -> &'static str {
        match self {
            Reach::Call => t.call,
            Reach::WhatsApp => t.whatsapp,
            Reach::Sms => day.sms,
            Reach::Email => t.email,
            Reach::Map => t.map,
        }
    }
}

/// The links for `customer`; WhatsApp, SMS and e-mail carry `message` ready to send.
pub fn reach_links(customer: &Customer, message: &str) -> Vec<(Reach, String)> {
    let mut links = Vec::new();
    let text = js_sys::encode_uri_component(message);
    if let Some(phone) = customer.phones.first() {
        let dialable: String = phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        links.push((Reach::Call, format!("tel:{dialable}")));
        links.push((
            Reach::WhatsApp,
            format!("https://wa.me/{digits}?text={text}"),
        ));
        links.push((Reach::Sms, format!("sms:{dialable}?body={text}")));
    }
    if !customer.email.is_empty() {
        links.push((
            Reach::Email,
            format!("mailto:{}?body={text}", customer.email),
        ));
    }
    if let Some(point) = customer.location {
        links.push((Reach::Map, format!("geo:{point}")));
    } else if !customer.address.is_empty() {
        let place = format!("{}, {}", customer.address, customer.city);
        links.push((
            Reach::Map,
            format!("geo:0,0?q={}", js_sys::encode_uri_component(&place)),
        ));
    }
    links
}
