//! Property tests of the business-time laws.
