using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Storage;

/// <summary>The one model, shared by the SQLite and PostgreSQL contexts; each of those carries its own
/// migrations, since the two providers write different DDL.</summary>
public abstract class RelayDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<InboxNotification> Inbox => Set<InboxNotification>();

    public DbSet<EventSubRevocation> Revocations => Set<EventSubRevocation>();

    public DbSet<GuildLink> GuildLinks => Set<GuildLink>();

    public DbSet<AlertRule> AlertRules => Set<AlertRule>();

    public DbSet<AlertDelivery> Deliveries => Set<AlertDelivery>();

    public DbSet<ThreadMessage> ThreadMessages => Set<ThreadMessage>();

    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<StreamState> StreamStates => Set<StreamState>();

    public DbSet<FollowedChannel> FollowedChannels => Set<FollowedChannel>();

    public DbSet<TwitchAccount> TwitchAccounts => Set<TwitchAccount>();

    public DbSet<LinkRequest> LinkRequests => Set<LinkRequest>();

    public DbSet<LinkTicket> LinkTickets => Set<LinkTicket>();

    public DbSet<MemberLink> MemberLinks => Set<MemberLink>();

    public DbSet<MemberConnectRequest> MemberConnectRequests => Set<MemberConnectRequest>();

    public DbSet<SubscriberEvent> SubscriberEvents => Set<SubscriberEvent>();

    public DbSet<SubscriberRoleGrant> SubscriberRoleGrants => Set<SubscriberRoleGrant>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset values; Unix milliseconds sort the same on both providers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<DeliveryStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboxNotification>(inbox =>
        {
            inbox.ToTable("inbox");
            inbox.HasIndex(x => x.MessageId).IsUnique();
            inbox.HasIndex(x => x.ProcessedAt);
            inbox.Property(x => x.MessageId).HasMaxLength(128);
            inbox.Property(x => x.MessageType).HasMaxLength(64);
            inbox.Property(x => x.SubscriptionType).HasMaxLength(128);
            inbox.Property(x => x.SubscriptionVersion).HasMaxLength(16);
        });

        modelBuilder.Entity<EventSubRevocation>(revocation =>
        {
            revocation.ToTable("eventsub_revocations");
            revocation.HasIndex(x => x.SubscriptionId);
        });

        modelBuilder.Entity<GuildLink>(link =>
        {
            link.ToTable("guild_links");
            link.HasKey(x => x.GuildId);
            link.HasIndex(x => x.BroadcasterId);
            link.HasMany(x => x.Rules).WithOne(x => x.Guild).HasForeignKey(x => x.GuildId)
                .OnDelete(DeleteBehavior.Cascade);
            link.HasMany(x => x.Follows).WithOne(x => x.Guild).HasForeignKey(x => x.GuildId)
                .OnDelete(DeleteBehavior.Cascade);
            link.Ignore(x => x.HasSubscriberRoles);
            link.Ignore(x => x.SubscriberRoleIds);
        });

        modelBuilder.Entity<AlertRule>(rule =>
        {
            rule.ToTable("alert_rules");
            rule.HasIndex(x => new { x.GuildId, x.EventKey });
            rule.Ignore(x => x.MentionRoleIdList);
            rule.Ignore(x => x.LaneKey);
            rule.Property(x => x.OfflineAction).HasMaxLength(16);
        });

        modelBuilder.Entity<AlertDelivery>(delivery =>
        {
            delivery.ToTable("deliveries");
            delivery.HasIndex(x => new { x.Status, x.NextAttemptAt });
            delivery.HasIndex(x => new { x.InboxId, x.RuleId }).IsUnique();
            delivery.HasIndex(x => new { x.LaneKey, x.ThreadKey });
            delivery.HasIndex(x => x.GuildId);
            delivery.HasOne(x => x.Inbox).WithMany().HasForeignKey(x => x.InboxId).OnDelete(DeleteBehavior.Cascade);
            delivery.HasOne(x => x.Rule).WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ThreadMessage>(thread =>
        {
            thread.ToTable("thread_messages");
            thread.HasIndex(x => new { x.LaneKey, x.ThreadKey }).IsUnique();
            thread.HasIndex(x => x.GuildId);
        });

        modelBuilder.Entity<FollowedChannel>(follow =>
        {
            follow.ToTable("followed_channels");
            follow.HasIndex(x => new { x.GuildId, x.BroadcasterId }).IsUnique();
            follow.HasIndex(x => x.BroadcasterId);
        });

        modelBuilder.Entity<StreamState>(stream =>
        {
            stream.ToTable("stream_states");
            stream.HasKey(x => x.BroadcasterId);
            stream.Ignore(x => x.StreamIdList);
            stream.Ignore(x => x.PostKey);
        });

        modelBuilder.Entity<TwitchAccount>(account =>
        {
            account.ToTable("twitch_accounts");
            account.HasKey(x => x.UserId);
            account.Ignore(x => x.IsHealthy);
            account.Ignore(x => x.ScopeList);
        });

        modelBuilder.Entity<LinkRequest>(request =>
        {
            request.ToTable("link_requests");
            request.HasKey(x => x.StateHash);
        });

        modelBuilder.Entity<LinkTicket>(ticket =>
        {
            ticket.ToTable("link_tickets");
            ticket.HasKey(x => x.TicketHash);
        });

        modelBuilder.Entity<MemberLink>(member =>
        {
            member.ToTable("member_links");
            member.HasKey(x => x.DiscordUserId);
            member.HasIndex(x => x.TwitchUserId);
        });

        modelBuilder.Entity<SubscriberEvent>(subscriber =>
        {
            subscriber.ToTable("subscriber_events");
            subscriber.HasKey(x => x.Id);
            subscriber.HasIndex(x => new { x.ProcessedAt, x.NextAttemptAt });
            subscriber.HasIndex(x => new { x.BroadcasterId, x.TwitchUserId });
        });

        modelBuilder.Entity<SubscriberRoleGrant>(grant =>
        {
            grant.ToTable("subscriber_role_grants");
            grant.HasKey(x => new { x.GuildId, x.DiscordUserId, x.RoleId });
            grant.HasIndex(x => x.DiscordUserId);
        });

        modelBuilder.Entity<MemberConnectRequest>(request =>
        {
            request.ToTable("member_connect_requests");
            request.HasKey(x => x.Hash);
        });

        modelBuilder.Entity<Setting>(setting =>
        {
            setting.ToTable("settings");
            setting.HasKey(x => x.Key);
        });
    }
}

/// <summary>Stores a <see cref="DateTimeOffset"/> as Unix milliseconds (UTC).</summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));

public sealed class SqliteRelayDbContext(DbContextOptions<SqliteRelayDbContext> options) : RelayDbContext(options);

public sealed class PostgresRelayDbContext(DbContextOptions<PostgresRelayDbContext> options) : RelayDbContext(options);
