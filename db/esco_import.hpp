#pragma once
// Importing the official ESCO CSV export (v1.1 or v1.2) into the catalog tables, merged with our own catalog
// by concept URI.
//
// Merge rule (idempotent; a second import of the same files changes nothing):
// - A concept whose URI our catalog already carries keeps our code, category, icon, flags, broader skill,
// skill
//   list and every label row we have. ESCO only fills the languages where that concept has no label yet.
// - A concept only ESCO has gets code = its URI; its labels in the imported languages, its skill type / ISCO
//   group / EU regulated flag, its broader skill (first in the file) and its occupation-skill relations
//   are ESCO's and are refreshed by every import. Our labels in languages ESCO lacks are never touched.
// - Labels: preferredLabel is the preferred label; altLabels and hiddenLabels become synonyms. ESCO labels
//   are stored unreviewed (the reviewed mark is our translators').
// - Skill groups (skillsHierarchy_xx) become skills of type "skill group" with their labels and their
//   parent group as broader, so ESCO's broader links that point at groups hold; resolution never offers
//   them. skillSkillRelations go into skill_relations.
// - Not imported: skillGroups (the same groups with descriptions), the occupation pillar's broader
//   relations, ISCO groups. They are counted as skipped files.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "db/result.hpp"
#include "db/store.hpp"

namespace kk::db {

struct EscoImportOptions {
    // Called now and then with bytes read so far and the total size of the files to read.
    std::function<void(std::uint64_t done, std::uint64_t total)> progress{};
};

struct EscoImportReport {
    std::vector<std::string> languages;      // languages that had labels, sorted
    std::vector<std::string> files;          // files read
    std::vector<std::string> skipped_files;  // ESCO files recognised but not imported (see above)
    int occupations_read = 0;                // distinct occupation URIs seen
    int skills_read = 0;                     // distinct skill URIs seen
    int occupations_inserted = 0;
    int skills_inserted = 0;
    int concepts_updated = 0;  // ESCO-only concepts whose type, ISCO group or flag changed
    int matched_ours = 0;      // concepts merged into our catalog by URI
    int labels_inserted = 0;
    int labels_updated = 0;
    int relations_read = 0;
    int relations_written = 0;  // inserted or changed
    int broader_set = 0;        // broader links inserted or changed
    int skill_groups_read = 0;  // distinct skill groups in skillsHierarchy
    int skill_groups_inserted = 0;
    int skill_relations_written = 0;  // skillSkillRelations rows inserted or changed
    int rows_skipped = 0;       // rows without a concept URI, or naming unknown concepts
};

// Reads every ESCO file in `dirs` (one export may be split over several directories: labels per language,
// relations) and merges it into the store in one transaction. Fails, changing nothing, when a directory has
// no ESCO skills or occupations file, a required column is missing or a file cannot be read. Cost: O(rows)
// with prepared statements; about 15 s for full ESCO in two languages on one core.
Result<EscoImportReport> import_esco(Store& store, const std::vector<std::filesystem::path>& dirs,
                                     const EscoImportOptions& options = {});

}  // namespace kk::db
