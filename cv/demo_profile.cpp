#include "cv/demo_profile.hpp"

namespace kk::cv {

void InMemoryLabels::add_label(std::string id, std::string lang, std::string label) {
    labels_[{std::move(id), std::move(lang)}] = std::move(label);
}

void InMemoryLabels::set_category(std::string skill_id, std::string category_id) {
    categories_[std::move(skill_id)] = std::move(category_id);
}

std::optional<std::string> InMemoryLabels::label(std::string_view id, std::string_view lang) const {
    const auto it = labels_.find(std::pair<std::string, std::string>(id, lang));
    if (it == labels_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> InMemoryLabels::category(std::string_view skill_id) const {
    const auto it = categories_.find(skill_id);
    if (it == categories_.end()) return std::nullopt;
    return it->second;
}

namespace {
// ESCO occupation URIs, so the demo reads like what the catalog will hold.
constexpr char kBricklayer[] = "http://data.europa.eu/esco/occupation/05f321f8-055b-407d-bf19-e0ddabda56b7";
constexpr char kTiler[] = "http://data.europa.eu/esco/occupation/02447817-ea01-4d8b-b09c-8bc128e447e6";
}  // namespace

CvProfile demo_profile() {
    CvProfile p;
    p.given_names = "Yusuf";
    p.family_name = "Haddad";
    p.address = {.street = "Peenestraße 12", .postcode = "17389", .city = "Anklam"};
    p.phone = "+49 151 23456789";
    p.email = "yusuf.haddad@example.org";
    p.birth_date = "1991-04-17";
    p.nationality = "SY";
    p.ui_lang = "ar";

    p.experiences = {
        {.from = "2023-09",
         .to = "",
         .position = {.catalog_id = kTiler, .own = {}},
         .employer = "Fliesen Krüger GmbH",
         .place = "Anklam",
         .country = "DE",
         .tasks = {{"تبليط الأرضيات والجدران في الحمامات والمطابخ", "ar"}}},
        {.from = "2016-03",
         .to = "2022-12",
         .position = {.catalog_id = kBricklayer, .own = {}},
         .employer = "مؤسسة البناء الحديث",
         .place = "حلب",
         .country = "SY",
         .tasks = {{"بناء جدران من الطوب والحجر", "ar"}, {"قراءة المخططات وتجهيز مواد البناء", "ar"}}},
        {.from = "2012-06",
         .to = "2016-02",
         .position = {.catalog_id = "", .own = {"مساعد بناء", "ar"}},
         .employer = "",
         .place = "حمص",
         .country = "SY",
         .tasks = {}},
    };
    p.education = {
        {.from = "2003-09",
         .to = "2012-06",
         .title = {.catalog_id = "", .own = {"شهادة التعليم الأساسي", "ar"}},
         .institution = "",
         .place = "حمص",
         .country = "SY",
         .recognition = Recognition::Applied},
    };
    p.languages = {
        {.code = "de", .native = false, .level = Cefr::B1},
        {.code = "ar", .native = true, .level = Cefr::C2},
        {.code = "en", .native = false, .level = Cefr::A2},
    };
    p.skills = {
        {.term = {.catalog_id = "skill:brickwork", .own = {}}, .verified = false},
        {.term = {.catalog_id = "skill:tiling", .own = {}}, .verified = true},
        {.term = {.catalog_id = "skill:reading-plans", .own = {}}, .verified = false},
        {.term = {.catalog_id = "skill:site-safety", .own = {}}, .verified = true},
        {.term = {.catalog_id = "skill:plastering", .own = {}}, .verified = false},
        {.term = {.catalog_id = "", .own = {"تركيب الحجر الطبيعي", "ar"}}, .verified = false},
    };
    p.licence_classes = {"B"};
    p.licence_foreign_only = true;
    p.mobility = {.commute_km = 40, .own_car = false, .willing_to_relocate = true, .shift_work = true};
    p.availability = {.from_date = "2026-12-01", .working_time = WorkingTime::FullTime};
    p.place = "Anklam";
    p.date = "2026-11-21";
    return p;
}

InMemoryLabels demo_catalog() {
    InMemoryLabels c;
    const auto add = [&c](const std::string& id, const char* de, const char* en, const char* ar) {
        c.add_label(id, "de", de);
        c.add_label(id, "en", en);
        c.add_label(id, "ar", ar);
    };
    add(kBricklayer, "Maurer", "Bricklayer", "بنّاء");
    add(kTiler, "Fliesenleger", "Tile fitter", "مبلّط");
    add("category:construction", "Bau und Ausbau", "Construction and finishing", "البناء والتشطيب");
    add("category:safety", "Arbeitssicherheit", "Safety at work", "السلامة المهنية");
    add("skill:brickwork", "Mauerwerk erstellen", "Lay bricks", "بناء الجدران بالطوب");
    add("skill:tiling", "Fliesen verlegen", "Lay tiles", "تركيب البلاط");
    add("skill:reading-plans", "Baupläne lesen", "Read construction plans", "قراءة المخططات الإنشائية");
    add("skill:plastering", "Putzarbeiten ausführen", "Plaster walls", "أعمال اللياسة");
    add("skill:site-safety", "Sicherheitsregeln auf der Baustelle einhalten", "Follow safety rules on site",
        "الالتزام بقواعد السلامة في موقع البناء");
    c.set_category("skill:brickwork", "category:construction");
    c.set_category("skill:tiling", "category:construction");
    c.set_category("skill:reading-plans", "category:construction");
    c.set_category("skill:plastering", "category:construction");
    c.set_category("skill:site-safety", "category:safety");
    return c;
}

}  // namespace kk::cv
