// No literal UI strings in kiosk/ and cv/: text-drawing calls get their text from tr(), and every key
// used in code exists in root.txt. Scans the sources as text (comments removed).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "i18n/bundle_source.hpp"

namespace fs = std::filesystem;

namespace {

// Source text with comments blanked out; string and character literals kept.
std::string strip_comments(const std::string& src) {
    std::string out;
    out.reserve(src.size());
    for (size_t i = 0; i < src.size();) {
        if (src.compare(i, 2, "//") == 0) {
            while (i < src.size() && src[i] != '\n') ++i;
        } else if (src.compare(i, 2, "/*") == 0) {
            const auto end = src.find("*/", i + 2);
            i = end == std::string::npos ? src.size() : end + 2;
            out += ' ';
        } else if (src[i] == '"' || src[i] == '\'') {
            const char quote = src[i];
            out += src[i++];
            while (i < src.size() && src[i] != quote) {
                if (src[i] == '\\' && i + 1 < src.size()) out += src[i++];
                out += src[i++];
            }
            if (i < src.size()) out += src[i++];
        } else {
            out += src[i++];
        }
    }
    return out;
}

// The top-level arguments of the call whose '(' is at `open`.
std::vector<std::string> call_arguments(const std::string& src, size_t open) {
    std::vector<std::string> args(1);
    int depth = 0;
    for (size_t i = open; i < src.size(); ++i) {
        const char c = src[i];
        if (c == '"') {  // copy a literal whole, brackets inside it do not count
            const size_t start = i++;
            while (i < src.size() && src[i] != '"') i += src[i] == '\\' ? 2u : 1u;
            args.back() += src.substr(start, i - start + 1);
            continue;
        }
        if (c == '(' || c == '{' || c == '[') {
            if (depth++ == 0) continue;
        } else if (c == ')' || c == '}' || c == ']') {
            if (--depth == 0) break;
        } else if (c == ',' && depth == 1) {
            args.emplace_back();
            continue;
        }
        args.back() += c;
    }
    return args;
}

// `text` without its tr(...) calls, arguments included (nested brackets and literals inside them too).
std::string remove_tr_calls(const std::string& text) {
    static const std::regex tr_call(R"(\btr\s*\()");
    std::string out;
    size_t from = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), tr_call); it != std::sregex_iterator(); ++it) {
        const size_t start = static_cast<size_t>(it->position());
        if (start < from) continue;  // inside a call already removed
        out += text.substr(from, start - from);
        int depth = 0;
        size_t i = start + static_cast<size_t>(it->length()) - 1;
        for (; i < text.size(); ++i) {
            if (text[i] == '"') {
                for (++i; i < text.size() && text[i] != '"'; i += text[i] == '\\' ? 2u : 1u) {
                }
                continue;
            }
            if (text[i] == '(') ++depth;
            if (text[i] == ')' && --depth == 0) break;
        }
        from = i + 1;
    }
    if (from < text.size()) out += text.substr(from);
    return out;
}

// Literals in `arg` that are not themselves inside a tr(...) call.
bool has_literal_outside_tr(const std::string& arg) {
    const std::string without_tr = remove_tr_calls(arg);
    static const std::regex literal(R"re("(?!##)[^"]*[^\s"][^"]*")re");  // non-blank, not an ImGui "##id"
    return std::regex_search(without_tr, literal);
}

struct Findings {
    std::vector<std::string> literal_texts;  // "file:call:argument"
    std::set<std::string> keys;              // tr("...") keys used
};

// Calls that draw user-visible text, and which argument is the text.
struct TextCall {
    const char* pattern;
    size_t text_arg;
};
constexpr TextCall kTextCalls[] = {
    // label/tile: the free functions (ui::label), not members such as a catalog's labels.label(id, lang).
    {R"((^|[^.>\w:]|ui::)label\s*\()", 1}, {R"((^|[^.>\w:]|ui::)tile\s*\()", 2},
    {R"(\bdraw_in_box\s*\()", 0},          {R"((\.|->)draw\s*\()", 0},
    {R"((\.|->)measure\s*\()", 0},         {R"(\bnav_button\s*\()", 2},
    {R"(\bImGui::Text\w*\s*\()", 0},       {R"(\bImGui::Button\s*\()", 0},
    {R"(\btext::render\s*\()", 0},         {R"(\bpango_layout_set_(text|markup)\s*\()", 1},
};

Findings scan(const std::string& name, const std::string& raw) {
    Findings f;
    const std::string src = strip_comments(raw);
    for (const TextCall& call : kTextCalls) {
        const std::regex re(call.pattern);
        for (auto it = std::sregex_iterator(src.begin(), src.end(), re); it != std::sregex_iterator(); ++it) {
            const size_t open = static_cast<size_t>(it->position() + it->length() - 1);
            const auto args = call_arguments(src, open);
            if (args.size() > call.text_arg && has_literal_outside_tr(args[call.text_arg])) {
                f.literal_texts.push_back(name + ": " + it->str() + args[call.text_arg] + ")");
            }
        }
    }
    // Every literal inside the key argument of tr(...), e.g. tr(last ? "nav.done" : "nav.next").
    static const std::regex tr_call(R"(\btr\s*\()");
    static const std::regex key(R"re("([a-z0-9_]+(\.[a-z0-9_]+)+)")re");
    for (auto it = std::sregex_iterator(src.begin(), src.end(), tr_call); it != std::sregex_iterator();
         ++it) {
        const auto args = call_arguments(src, static_cast<size_t>(it->position() + it->length() - 1));
        for (auto k = std::sregex_iterator(args[0].begin(), args[0].end(), key); k != std::sregex_iterator();
             ++k) {
            f.keys.insert((*k)[1].str());
        }
    }
    return f;
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("the scanner finds literal UI strings and the keys code uses", "[i18n]") {
    const auto f = scan("x.cpp",
                        "ui::label(ui, \"Hello\", style, box, c);\n"
                        "labels.label(id, \"de\");\n"
                        "ui.text.draw_in_box(ui.messages.tr(\"welcome.title\"), s, a, b, c);\n"
                        "ui::tile(ui, \"lang.\" + code, names[i], s, r, false);\n"
                        "// ui::label(ui, \"in a comment\", s, b, c);\n"
                        "ImGui::Button(\"##hidden\"); ImGui::Text(\"Shown\");\n"
                        "x.tr(last ? \"nav.done\" : \"nav.next\");\n"
                        "pango_layout_set_text(layout, \"Lebenslauf\", -1);\n"
                        "ui::label(ui, ui.tr(\"a.b\", {{\"n\", static_cast<int>(n)}}), s, b, c);\n");
    REQUIRE(f.literal_texts.size() == 3);
    CHECK_THAT(f.literal_texts[0], Catch::Contains("Hello"));
    CHECK_THAT(f.literal_texts[1], Catch::Contains("Shown"));
    CHECK_THAT(f.literal_texts[2], Catch::Contains("Lebenslauf"));
    CHECK(f.keys == std::set<std::string>{"welcome.title", "nav.done", "nav.next", "a.b"});
}

TEST_CASE("kiosk/ and cv/ draw no literal strings and use only keys root.txt has", "[i18n]") {
    const fs::path source(KK_TEST_SOURCE_DIR);
    const auto root = kk::i18n::read_bundle_source(source / "locales" / "root.txt");
    INFO(root.error);
    REQUIRE(root.bundle);
    // Staff mode's screens take their messages from the staff bundle (locales/staff/README.md).
    const auto staff_root = kk::i18n::read_bundle_source(source / "locales" / "staff" / "root.txt");
    INFO(staff_root.error);
    REQUIRE(staff_root.bundle);
    const fs::path staff_dir = source / "kiosk" / "staff";
    int files = 0;
    std::set<std::string> used;
    std::set<std::string> used_by_staff;
    for (const char* dir : {"kiosk", "cv"}) {
        if (!fs::exists(source / dir)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(source / dir)) {
            const auto ext = entry.path().extension();
            if (ext != ".cpp" && ext != ".hpp") continue;
            ++files;
            const auto f = scan(fs::relative(entry.path(), source).string(), slurp(entry.path()));
            for (const auto& finding : f.literal_texts) {
                INFO("literal UI text (use tr): " << finding);
                CHECK(false);
            }
            const bool staff = entry.path().string().rfind(staff_dir.string() + "/", 0) == 0;
            const auto& bundle = staff ? *staff_root.bundle : *root.bundle;
            for (const auto& k : f.keys) {
                INFO(entry.path().string() << " uses key " << k << " which "
                                           << (staff ? "locales/staff/root.txt" : "root.txt") << " lacks");
                CHECK(bundle.find(k) != nullptr);
                (staff ? used_by_staff : used).insert(k);
            }
        }
    }
    CHECK(files > 10);
    CHECK(used.count("welcome.title") == 1);
    CHECK(used.count("nav.back") == 1);
    CHECK(used_by_staff.count("staff.login.submit") == 1);
}
