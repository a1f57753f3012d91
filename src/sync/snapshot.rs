//! A snapshot of the projection, so that start-up reads one record instead of replaying every
//! operation of the log. It is a cache: a snapshot that cannot be read is ignored and the log
//! replayed, so nothing is ever lost to it.

use super::projection::Projection;

const MAGIC: &[u8; 4] = b"CBZS";

/// Postcard writes fields and variants by position, not by name, and cannot read a value with
/// a field left out; that is why the domain's values write every field, empty ones included,
/// in bundles too (where `#[serde(default)]` still reads files that leave them out). Any change to the shape of
/// `Projection` or of anything inside it must bump this, or an old snapshot would be misread.
/// The pinned digest in the tests fails until it is bumped.
pub const FORMAT: u16 = 14;

/// The snapshot's bytes; `None` only if a value refuses to serialize, and then the log is
/// simply replayed next time.
pub fn encode(projection: &Projection) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(1 << 16);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&FORMAT.to_le_bytes());
    postcard::to_extend(projection, bytes).ok()
}

/// The projection a snapshot holds; `None` for a snapshot of another format or a damaged one.
pub fn decode(bytes: &[u8]) -> Option<Projection> {
    let body = bytes.strip_prefix(MAGIC)?;
    let (format, body) = body.split_first_chunk::<2>()?;
    if u16::from_le_bytes(*format) != FORMAT {
        return None;
    }
    postcard::from_bytes(body)
        .ok()
        .filter(|projection: &Projection| projection.devices.in_order())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use sha2::{Digest, Sha256};

    use super::*;
    use crate::domain::company_settings::CompanySettings;
    use crate::sync::author::Author;
    use crate::sync::company_settings::SettingsPatch;
    use crate::sync::demo::demo_ops;
    use crate::sync::hlc::DeviceId;
    use crate::sync::op::{Event, Op};
    use crate::sync::role::Role;

    fn demo() -> Vec<Op> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
        let mut author = Author::resume(DeviceId("snapshot-test".into()), []);
        demo_ops(&mut author, today, 1_700_000_000_000)
    }

    #[test]
    fn a_snapshot_gives_back_the_projection_it_was_taken_of() {
        let mut ops = demo();
        let mut office = Author::resume(DeviceId("office".into()), []);
        ops.push(office.record(
            Event::DeviceRoleSet {
                device: DeviceId("office".into()),
                role: Role::Office,
                label: "Oficina".into(),
            },
            1_700_000_000_000,
        ));
        let mut settings = CompanySettings::default();
        settings.outreach.company = "Distribuidora Andina".into();
        ops.push(office.record(
            Event::CompanySettingsChanged {
                change: SettingsPatch::whole(&settings),
            },
            1_700_000_000_001,
        ));
        let projection = Projection::from_ops(&ops);
        let bytes = encode(&projection).expect("serializable");
        let read = decode(&bytes).expect("read back");
        assert_eq!(
            read.company().resolve(&CompanySettings::default()).settings,
            settings
        );
        assert_eq!(read, projection);
    }

    #[test]
    fn a_snapshot_of_another_format_or_damaged_is_not_read() {
        let mut bytes = encode(&Projection::from_ops(&demo())).expect("serializable");
        let mut other_format = bytes.clone();
        other_format[4] ^= 0xff;
        assert_eq!(decode(&other_format), None);
        assert_eq!(decode(b"CBZ"), None);
        assert_eq!(decode(b"{\"format\":\"cobranza-bundle\"}"), None);
        bytes.truncate(bytes.len() / 2);
        assert_eq!(decode(&bytes), None);
    }

    #[test]
    fn the_author_resumes_after_a_snapshot_as_after_the_log() {
        let ops = demo();
        let device = ops[0].id.device.clone();
        let projection = decode(&encode(&Projection::from_ops(&ops)).expect("serializable"));
        let mut from_snapshot = Author::resume_after(device.clone(), &projection.expect("read"));
        let mut from_log = Author::resume(device, &ops);
        let next = || ops[0].event.clone();
        assert_eq!(from_snapshot.record(next(), 0), from_log.record(next(), 0));
    }

    /// Pins the encoding of the demo portfolio. If this fails after a change to the
    /// projection's shape, bump `FORMAT` and then the digest; if only the demo data changed,
    /// the digest alone.
    #[test]
    fn the_snapshot_format_is_pinned() {
        let bytes = encode(&Projection::from_ops(&demo())).expect("serializable");
        let digest: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(FORMAT, 14);
        assert_eq!(
            digest,
            "cdec1ec8a149d44f40ea4d5d3a43c11b3113875768916ed2a1c83579545b4adb"
        );
    }
}
