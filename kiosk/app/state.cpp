#include "kiosk/app/state.hpp"

#include "i18n/languages.hpp"

namespace kk::kiosk {
namespace {
template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
}  // namespace

State update(State state, const Action& action) {
    std::visit(overloaded{
                   [&](const SelectLanguage& a) {
                       if (!i18n::is_ui_language(a.lang)) return;
                       state.lang = a.lang;
                       state.language_chosen = true;
                   },
               },
               action);
    return state;
}

}  // namespace kk::kiosk
