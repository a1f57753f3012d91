//! Reading portfolios the way they arrive — CSV exported from Siigo, Alegra or Excel — and
//! saying precisely what is wrong with a file instead of guessing.

pub mod aging_export;
pub mod amount;
pub mod certified_rates;
pub mod chronology_export;
pub mod column;
pub mod date;
pub mod hold_export;
pub mod payment_file;
pub mod payment_method;
pub mod portfolio_file;
pub mod spreadsheet;
pub mod statement_export;
pub mod table;
pub mod text;
