//! Rosters in: CSV (any encoding Chinese Excel writes) and XLSX/XLS, mapped column by column,
//! previewed with each row's problems, and written all or nothing.
