#pragma once
// How a skill as an employer or candidate wrote it becomes a catalog skill. The catalog issue plugs in a real
// resolver; until then every skill stays unresolved (skill id NULL, confidence 0) and is kept as written.
#include <cstdint>
#include <optional>
#include <string_view>

namespace kk::db {

struct SkillResolution {
    std::optional<std::int64_t> skill_id;  // skills.id, or nullopt when nothing fits
    double confidence = 0.0;               // 0..1
};

class SkillResolver {
public:
    virtual ~SkillResolver() = default;
    // `language` is an ICU locale id ("de"); must not throw. The vacancy import may call it on its reading
    // thread: from one thread at a time, never concurrently.
    virtual SkillResolution resolve(std::string_view text, std::string_view language) const = 0;
};

// Resolves nothing: what imports use before the catalog exists.
class UnresolvedSkills final : public SkillResolver {
public:
    SkillResolution resolve(std::string_view, std::string_view) const override { return {}; }
};

}  // namespace kk::db
