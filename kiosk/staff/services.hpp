#pragma once
// What staff mode's effects call: one interface per view, implemented over the SQLite store in each view's
// folder (sqlite_*.cpp) and by fakes in tests. A null pointer means "not available" and the view says so.
#include <string_view>

#include "db/staff.hpp"
#include "db/result.hpp"

namespace kk::staff {

class AccessService {
public:
    virtual ~AccessService() = default;
    // Checks a login now (counts failures, locks after too many, writes the audit entries).
    virtual db::Result<db::LoginResult> login(std::string_view username, std::string_view password) = 0;
};

class CandidatesService;
class VacanciesService;
class UploadService;
class DashboardService;

struct StaffServices {
    AccessService* access = nullptr;
    CandidatesService* candidates = nullptr;
    VacanciesService* vacancies = nullptr;
    UploadService* upload = nullptr;
    DashboardService* dashboard = nullptr;
};

}  // namespace kk::staff
