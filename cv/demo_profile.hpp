#pragma once
// A demo person and a tiny in-memory catalog, for tests, the benchmark and the docs example. Not real data.
#include <map>
#include <string>
#include <utility>

#include "cv/profile.hpp"

namespace kk::cv {

// CatalogLabels over maps: what tests use instead of the SQLite catalog.
class InMemoryLabels final : public CatalogLabels {
  public:
    void add_label(std::string id, std::string lang, std::string label);
    void set_category(std::string skill_id, std::string category_id);

    std::optional<std::string> label(std::string_view id, std::string_view lang) const override;
    std::optional<std::string> category(std::string_view skill_id) const override;

  private:
    std::map<std::pair<std::string, std::string>, std::string, std::less<>> labels_;
    std::map<std::string, std::string, std::less<>> categories_;
};

// Yusuf Haddad: Arabic speaker from Syria, bricklayer and tiler, now in Vorpommern; UI language Arabic;
// some of his entries are Arabic free text. Birth date and nationality are filled in but not chosen.
CvProfile demo_profile();

// Labels (de, en, ar) and categories for every catalog id demo_profile() uses.
InMemoryLabels demo_catalog();

}  // namespace kk::cv
