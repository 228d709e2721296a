#include "kiosk/staff/vacancies/state.hpp"

namespace kk::staff {

VacanciesState update(VacanciesState state, const VacanciesAction&) { return state; }

std::string* text_field(VacanciesState&, std::string_view) { return nullptr; }

}  // namespace kk::staff
