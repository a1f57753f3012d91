//! What only the browser knows: the time, randomness, connectivity, storage persistence.
//! Read here and passed down, so the layers below stay pure.

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::customer::GeoPoint;
use crate::sync::hlc::DeviceId;

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Today in the device's own time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// 128 random bits from the browser's CSPRNG, which (unlike `randomUUID`) also exists on
/// plain-http intranet addresses.
pub fn new_device_id() -> Result<DeviceId, String> {
    let crypto = window().crypto().map_err(|e| format!("{e:?}"))?;
    let mut bytes = [0u8; 16];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|e| format!("{e:?}"))?;
    Ok(DeviceId(bytes.iter().map(|b| format!("{b:02x}")).collect()))
}

/// Whether the browser believes it has a network, now.
pub fn is_online() -> bool {
    window().navigator().on_line()
}

/// Whether the browser believes it has a network; follows changes.
pub fn online_signal() -> ReadSignal<bool> {
    let (online, set_online) = signal(is_online());
    let on = window_event_listener(leptos::ev::online, move |_| set_online.set(true));
    let off = window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    online
}

/// Asks the browser not to evict our data under storage pressure; answers whether it agreed.
pub async fn persist_storage() -> bool {
    let storage = window().navigator().storage();
    let Ok(promise) = storage.persist() else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|granted| granted.as_bool())
        .unwrap_or(false)
}

pub fn reload() {
    // If reloading fails there is nothing better to do than stay on the current page.
    let _ = window().location().reload();
}

pub fn has_service_worker_support() -> bool {
    js_sys::Reflect::has(window().navigator().as_ref(), &"serviceWorker".into()).unwrap_or(false)
        && window().is_secure_context()
}

pub fn dyn_into<T: JsCast>(value: wasm_bindgen::JsValue) -> Option<T> {
    value.dyn_into::<T>().ok()
}

/// The bytes of a file the person picked.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Hands a text file to the browser's downloads.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let anchor = document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into::<web_sys::HtmlAnchorElement>();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Some browsers read the blob after the click returns; release it a little later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// The local date and time on this device, for the record of a contact.
pub fn local_now() -> chrono::NaiveDateTime {
    let now = js_sys::Date::new_0();
    today()
        .and_hms_opt(now.get_hours(), now.get_minutes(), now.get_seconds())
        .unwrap_or_default()
}

/// The date and time now in the IANA `time_zone` (the debtor's), from the browser's own
/// time-zone data; `None` when the browser does not know that zone.
pub fn now_in(time_zone: &str) -> Option<chrono::NaiveDateTime> {
    use js_sys::{Array, Function, Object, Reflect};
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    for (key, value) in [
        ("timeZone", time_zone),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
    ] {
        Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    // An unknown zone throws a RangeError; `construct` hands it back instead of unwinding.
    let format = Reflect::construct(&constructor, &Array::of2(&"en-US".into(), &options)).ok()?;
    let format_to_parts: Function = Reflect::get(&format, &"formatToParts".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let parts: Array = format_to_parts
        .call1(&format, &js_sys::Date::new_0())
        .ok()?
        .dyn_into()
        .ok()?;
    let part = |wanted: &str| -> Option<u32> {
        parts.iter().find_map(|p| {
            let kind = Reflect::get(&p, &"type".into()).ok()?.as_string()?;
            (kind == wanted)
                .then(|| {
                    Reflect::get(&p, &"value".into())
                        .ok()?
                        .as_string()?
                        .parse()
                        .ok()
                })
                .flatten()
        })
    };
    NaiveDate::from_ymd_opt(part("year")? as i32, part("month")?, part("day")?)?.and_hms_opt(
        part("hour")?,
        part("minute")?,
        0,
    )
}

fn js_error(error: wasm_bindgen::JsValue) -> String {
    format!("{error:?}")
}

/// Where the device is, when the person allows it (the browser asks them).
pub async fn position() -> Result<GeoPoint, String> {
    use js_sys::{Function, Object, Reflect};
    let geolocation =
        Reflect::get(window().navigator().as_ref(), &"geolocation".into()).map_err(js_error)?;
    let locate: Function = Reflect::get(&geolocation, &"getCurrentPosition".into())
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    let options = Object::new();
    // A fix older than a minute still proves the visit; waiting longer than 20 s does not help.
    Reflect::set(&options, &"maximumAge".into(), &60_000.into()).map_err(js_error)?;
    Reflect::set(&options, &"timeout".into(), &20_000.into()).map_err(js_error)?;
    let asked = js_sys::Promise::new(&mut |resolve, reject| {
        if let Err(error) = locate.call3(&geolocation, &resolve, &reject, &options) {
            let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &error);
        }
    });
    let found = JsFuture::from(asked).await.map_err(js_error)?;
    let coords = Reflect::get(&found, &"coords".into()).map_err(js_error)?;
    let read = |name: &str| {
        Reflect::get(&coords, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    match (read("latitude"), read("longitude")) {
        (Some(lat), Some(lon)) => GeoPoint::parse(&format!("{lat:.6}, {lon:.6}"))
            .ok_or_else(|| "position out of range".to_owned()),
        _ => Err("no coordinates".to_owned()),
    }
}

/// Hands a file to the phone's share sheet (WhatsApp, mail, Drive…). `Ok(false)` when this
/// browser cannot share files, so the caller can download it instead.
pub async fn share_file(file_name: &str, mime: &str, contents: &str) -> Result<bool, String> {
    use js_sys::{Array, Object, Reflect};
    let navigator = window().navigator();
    let Some(can_share) = navigator_method("canShare") else {
        return Ok(false);
    };
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file = web_sys::File::new_with_str_sequence_and_options(
        &Array::of1(&contents.into()),
        file_name,
        &options,
    )
    .map_err(js_error)?;
    let data = Object::new();
    Reflect::set(&data, &"files".into(), &Array::of1(&file)).map_err(js_error)?;
    Reflect::set(&data, &"title".into(), &file_name.into()).map_err(js_error)?;
    if !can_share
        .call1(navigator.as_ref(), &data)
        .is_ok_and(|yes| yes.is_truthy())
    {
        return Ok(false);
    }
    share(&data).await
}

/// The local date and time of an instant given in milliseconds since 1970.
pub fn local_time_of(ms: u64) -> chrono::NaiveDateTime {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let offset_minutes = date.get_timezone_offset() as i64;
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .map(|utc| utc.naive_utc() - chrono::Duration::minutes(offset_minutes))
        .unwrap_or_default()
}

/// Hands text to the phone's share sheet (WhatsApp, SMS, mail…). `Ok(false)` when this
/// browser has none, so the caller can offer direct links instead.
pub async fn share_text(title: &str, text: &str) -> Result<bool, String> {
    use js_sys::{Object, Reflect};
    let data = Object::new();
    Reflect::set(&data, &"title".into(), &title.into()).map_err(js_error)?;
    Reflect::set(&data, &"text".into(), &text.into()).map_err(js_error)?;
    share(&data).await
}

/// Opens the share sheet with `data`; `Ok(false)` when this browser has none.
async fn share(data: &js_sys::Object) -> Result<bool, String> {
    let Some(share) = navigator_method("share") else {
        return Ok(false);
    };
    let promise: js_sys::Promise = share
        .call1(window().navigator().as_ref(), data)
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    // Closing the share sheet without choosing rejects the promise; that is not a failure.
    let _ = JsFuture::from(promise).await;
    Ok(true)
}

/// A method of `navigator` that not every browser has (`share`, `canShare`).
fn navigator_method(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(window().navigator().as_ref(), &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
}

/// The file a person picked in the `<input type=file>` that fired `event`.
pub fn picked_file(event: &leptos::ev::Event) -> Option<web_sys::File> {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
}

pub fn print() {
    // A browser without printing has nothing to show; the receipt stays on screen.
    let _ = window().print();
}

/// The origin of `url` (`https://couch.example.com:6984`) when this page's own
/// Content-Security-Policy lets it connect there, else `Err` with that origin (or with the
/// text, when it is no address at all). The policy is the host's decision
/// (`COBRANZA_SYNC_ORIGIN` at build time); a refused request would only say «failed».
pub fn page_may_reach(url: &str) -> Result<(), String> {
    let origin = web_sys::Url::new(url.trim())
        .map(|u| u.origin())
        .map_err(|_| url.trim().to_owned())?;
    let own = window().location().origin().unwrap_or_default();
    let policy = document()
        .query_selector("meta[http-equiv='Content-Security-Policy']")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    let connect = policy
        .split(';')
        .map(str::trim)
        .find_map(|directive| directive.strip_prefix("connect-src"));
    let allowed = match connect {
        // No policy for connections: anything goes.
        None => true,
        Some(sources) => sources.split_whitespace().any(|source| {
            source == origin || (source == "'self'" && origin == own) || source == "*"
        }),
    };
    if allowed {
        Ok(())
    } else {
        Err(origin)
    }
}
