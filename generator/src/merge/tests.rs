//! Unit tests of model and field reconciliation.
