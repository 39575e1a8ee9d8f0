using TwitchRelay.Cli.Config;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Dashboard.Guilds;

/// <summary>The subscriber roles as the "Stream &amp; roles" page posts them, in the shape of the rules file's
/// <c>subscriberRoles</c>: one role for every tier, or a role per tier; a role for gifted subs or not.</summary>
public sealed class SubscriberRolesForm
{
    public const string OneRole = "one";
    public const string PerTier = "tier";

    /// <summary><see cref="OneRole"/> or <see cref="PerTier"/>: which of the posted pickers count.</summary>
    public string Mode { get; set; } = OneRole;

    public string? RoleId { get; set; }

    public string? Tier1000 { get; set; }

    public string? Tier2000 { get; set; }

    public string? Tier3000 { get; set; }

    public string? GiftRoleId { get; set; }

    public bool IncludeGifts { get; set; } = true;

    public static SubscriberRolesForm From(GuildLink link) => new()
    {
        Mode = link.SubscriberTier1000RoleId is null && link.SubscriberTier2000RoleId is null
            && link.SubscriberTier3000RoleId is null ? OneRole : PerTier,
        RoleId = link.SubscriberRoleId,
        Tier1000 = link.SubscriberTier1000RoleId,
        Tier2000 = link.SubscriberTier2000RoleId,
        Tier3000 = link.SubscriberTier3000RoleId,
        GiftRoleId = link.SubscriberGiftRoleId,
        IncludeGifts = link.SubscriberRolesIncludeGifts,
    };

    /// <summary>Null when no role is chosen: the guild has no subscriber roles, as when the file leaves them out.
    /// </summary>
    public SubscriberRolesConfig? ToConfig()
    {
        var perTier = Mode == PerTier;
        var config = new SubscriberRolesConfig
        {
            RoleId = perTier ? null : Blank(RoleId),
            Tier1000 = perTier ? Blank(Tier1000) : null,
            Tier2000 = perTier ? Blank(Tier2000) : null,
            Tier3000 = perTier ? Blank(Tier3000) : null,
            GiftRoleId = Blank(GiftRoleId),
            IncludeGifts = IncludeGifts ? null : false,
        };
        return config is { RoleId: null, Tier1000: null, Tier2000: null, Tier3000: null, GiftRoleId: null }
            ? null
            : config;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
