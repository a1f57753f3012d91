//! Key performance indicators of collection, each formula written once with its definition:
//! DSO (standard and count-back), best possible DSO, average days delinquent, CEI, percent
//! current, promise-kept rate and contacts per payment; the additive figures they are worked
//! out from; and the collected-against-due trend.

pub mod cei;
pub mod dso;
pub mod figures;
pub mod headline;
pub mod period;
pub mod ratio;
pub mod scorecard;
pub mod segment;
pub mod trend;
