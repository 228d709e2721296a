#pragma once
// The store seen by the CV: a stored candidate as a cv::CvProfile, and cv::CatalogLabels over the catalog
// tables. Catalog ids in the profile are "skill:<code>", "occupation:<code>" and "category:<code>" (skill and
// category codes overlap, e.g. "cleaning").
#include <optional>
#include <string>
#include <string_view>

#include "cv/profile.hpp"
#include "db/candidates.hpp"
#include "db/result.hpp"
#include "db/store.hpp"

namespace kk::db {

// The CV profile of a stored candidate. Catalog skills and resolved job titles become catalog terms (shown
// with the catalog's German label); the rest stays in the person's own words. Optional personal fields are
// not chosen (include_* false): the kiosk asks for that. `today` ("YYYY-MM-DD") is the signing date.
cv::CvProfile to_cv_profile(const CandidateRecord& record, const std::string& today);

// cv::CatalogLabels over SQLite. Reads through the store on each call (a CV asks a few dozen labels).
class StoreCatalogLabels final : public cv::CatalogLabels {
public:
    explicit StoreCatalogLabels(Store& store) : store_(store) {}
    // The preferred label of the id in `lang`, nullopt when the catalog has none or the id is malformed.
    std::optional<std::string> label(std::string_view id, std::string_view lang) const override;
    // "category:<code>" of a skill: its own category, else that of the first occupation (by code) it is
    // essential to, else that of its broader skill's.
    std::optional<std::string> category(std::string_view skill_id) const override;

private:
    Store& store_;
};

}  // namespace kk::db
