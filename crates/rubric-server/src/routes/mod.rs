//! The `/api/v1` endpoints, one file per Canvas controller.
pub mod assessments;
pub mod assignments;
pub mod associations;
pub mod contexts;
pub mod imports;
pub mod proficiency;
pub mod rubric_service;
pub mod rubrics;
pub mod rubrics_api;
