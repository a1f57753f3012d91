use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::bureau_report::BureauAuthorization;
use super::credit_terms::CreditTerms;
use super::debtor::{DebtorKind, IdType};

/// The key a business uses for a customer (its own code, or the tax id).
///
/// Every id of the domain is a `SmolStr`: codes up to 23 bytes sit inline, so the maps and
/// reports of a whole company's portfolio hash and compare them without a trip to the heap, and
/// copying one allocates nothing (a longer one, like an operation's id, is shared by count).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CustomerId(pub SmolStr);

/// A debtor as the collector knows them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub name: String,
    pub tax_id: String,
    pub phones: Vec<String>,
    pub email: String,
    pub address: String,
    pub city: String,
    /// Name of the collector the account is assigned to; empty when unassigned.
    pub collector: String,
    pub notes: String,
    /// Where to find the business, when someone recorded it.
    #[serde(default)]
    pub location: Option<GeoPoint>,
    /// Consumer or business; `None` until someone says or a NIT's shape tells.
    #[serde(default)]
    pub kind: Option<DebtorKind>,
    #[serde(default)]
    pub id_type: Option<IdType>,
    /// The customer authorized collection visits at home or work (Ley 2300 de 2023).
    #[serde(default)]
    pub visits_authorized: bool,
    #[serde(default)]
    pub credit_terms: CreditTerms,
    /// The salesperson («vendedor») who sold to this customer; empty when none.
    #[serde(default)]
    pub salesperson: String,
    /// The customer's authorization to be reported to credit bureaus, if given.
    #[serde(default)]
    pub bureau_authorization: Option<BureauAuthorization>,
}

/// A position in decimal degrees, kept exact as typed or as the phone reported it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub latitude: Decimal,
    pub longitude: Decimal,
}

impl GeoPoint {
    /// Reads "4.6097, -74.0817" (latitude first, as maps show it); `None` off the globe.
    pub fn parse(text: &str) -> Option<GeoPoint> {
        let (lat, lon) = text.split_once(',')?;
        let latitude = Decimal::from_str(lat.trim()).ok()?;
        let longitude = Decimal::from_str(lon.trim()).ok()?;
        let point = GeoPoint {
            latitude,
            longitude,
        };
        point.is_on_globe().then_some(point)
    }

    /// Latitude within ±90° and longitude within ±180°.
    pub fn is_on_globe(&self) -> bool {
        self.latitude.abs() <= Decimal::from(90) && self.longitude.abs() <= Decimal::from(180)
    }
}

impl std::fmt::Display for GeoPoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{},{}", self.latitude, self.longitude)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_read_as_maps_write_them() {
        let point = GeoPoint::parse(" 4.6097, -74.0817 ").expect("on the globe");
        assert_eq!(point.to_string(), "4.6097,-74.0817");
        assert_eq!(GeoPoint::parse("95, 10"), None);
        assert_eq!(GeoPoint::parse("4.6"), None);
        assert_eq!(GeoPoint::parse("norte, sur"), None);
    }
}
