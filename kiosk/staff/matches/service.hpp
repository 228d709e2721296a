#pragma once
// What the matches panel's effects call: the matcher over the store and the review workflow. Implemented
// over SQLite in sqlite_service.hpp; every change is audited by the db functions it calls.
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "db/match_reviews.hpp"
#include "db/result.hpp"
#include "db/staff.hpp"
#include "kiosk/staff/matches/state.hpp"

namespace kk::staff {

class MatchesService {
public:
    virtual ~MatchesService() = default;
    // The best `top` open vacancies for candidate `candidate_id`, best first, each explained, with its review.
    virtual db::Result<std::vector<MatchRow>> for_candidate(std::int64_t candidate_id, std::size_t top) = 0;
    // The best `top` candidates for open vacancy `vacancy_id`, best first.
    virtual db::Result<std::vector<MatchRow>> for_vacancy(std::int64_t vacancy_id, std::size_t top) = 0;
    // Forgets the engine (skill index, candidates, vacancies); the next query builds it again.
    virtual void refresh() = 0;
    // Records the match as proposed (keeps an existing review's status) and returns the review.
    virtual db::Result<db::MatchReview> propose(std::int64_t candidate_id, std::int64_t vacancy_id, double score,
                                                const db::StaffActor& actor) = 0;
    virtual db::Result<db::MatchReview> change_status(std::int64_t review_id, db::ReviewStatus to,
                                                      std::string_view reason, const db::StaffActor& actor) = 0;
    virtual db::Result<db::MatchReview> add_note(std::int64_t review_id, std::string_view note,
                                                 const db::StaffActor& actor) = 0;
    // Writes `rows` as CSV into the export directory; returns the file written.
    virtual db::Result<std::filesystem::path> export_csv(const std::vector<MatchRow>& rows, std::string_view stem) = 0;
};

}  // namespace kk::staff
