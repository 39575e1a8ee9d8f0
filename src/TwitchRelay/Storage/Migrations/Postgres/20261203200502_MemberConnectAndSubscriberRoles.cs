using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TwitchRelay.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MemberConnectAndSubscriberRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubscriberGiftRoleId",
                table: "guild_links",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubscriberRoleId",
                table: "guild_links",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubscriberRoleProblem",
                table: "guild_links",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SubscriberRolesIncludeGifts",
                table: "guild_links",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SubscriberTier1000RoleId",
                table: "guild_links",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubscriberTier2000RoleId",
                table: "guild_links",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubscriberTier3000RoleId",
                table: "guild_links",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "member_connect_requests",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "text", nullable: false),
                    IsState = table.Column<bool>(type: "boolean", nullable: false),
                    DiscordUserId = table.Column<string>(type: "text", nullable: false),
                    GuildId = table.Column<string>(type: "text", nullable: false),
                    BrowserBindingHash = table.Column<string>(type: "text", nullable: true),
                    RedirectUri = table.Column<string>(type: "text", nullable: true),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_connect_requests", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "member_links",
                columns: table => new
                {
                    DiscordUserId = table.Column<string>(type: "text", nullable: false),
                    TwitchUserId = table.Column<string>(type: "text", nullable: false),
                    TwitchLogin = table.Column<string>(type: "text", nullable: false),
                    TwitchDisplayName = table.Column<string>(type: "text", nullable: false),
                    GuildId = table.Column<string>(type: "text", nullable: true),
                    LinkedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_links", x => x.DiscordUserId);
                });

            migrationBuilder.CreateTable(
                name: "subscriber_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BroadcasterId = table.Column<string>(type: "text", nullable: false),
                    TwitchUserId = table.Column<string>(type: "text", nullable: false),
                    Tier = table.Column<string>(type: "text", nullable: false),
                    IsGift = table.Column<bool>(type: "boolean", nullable: false),
                    IsEnd = table.Column<bool>(type: "boolean", nullable: false),
                    GraceApplied = table.Column<bool>(type: "boolean", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    ProcessedAt = table.Column<long>(type: "bigint", nullable: true),
                    Outcome = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscriber_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subscriber_role_grants",
                columns: table => new
                {
                    GuildId = table.Column<string>(type: "text", nullable: false),
                    DiscordUserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    TwitchUserId = table.Column<string>(type: "text", nullable: false),
                    GrantedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscriber_role_grants", x => new { x.GuildId, x.DiscordUserId, x.RoleId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_member_links_TwitchUserId",
                table: "member_links",
                column: "TwitchUserId");

            migrationBuilder.CreateIndex(
                name: "IX_subscriber_events_BroadcasterId_TwitchUserId",
                table: "subscriber_events",
                columns: new[] { "BroadcasterId", "TwitchUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_subscriber_events_ProcessedAt_NextAttemptAt",
                table: "subscriber_events",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_subscriber_role_grants_DiscordUserId",
                table: "subscriber_role_grants",
                column: "DiscordUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_connect_requests");

            migrationBuilder.DropTable(
                name: "member_links");

            migrationBuilder.DropTable(
                name: "subscriber_events");

            migrationBuilder.DropTable(
                name: "subscriber_role_grants");

            migrationBuilder.DropColumn(
                name: "SubscriberGiftRoleId",
                table: "guild_links");

            migrationBuilder.DropColumn(
                name: "SubscriberRoleId",
                table: "guild_links");

            migrationBuilder.DropColumn(
                name: "SubscriberRoleProblem",
                table: "guild_links");

            migrationBuilder.DropColumn(
                name: "SubscriberRolesIncludeGifts",
                table: "guild_links");

            migrationBuilder.DropColumn(
                name: "SubscriberTier1000RoleId",
                table: "guild_links");

            migrationBuilder.DropColumn(
                name: "SubscriberTier2000RoleId",
                table: "guild_links");

            migrationBuilder.DropColumn(
                name: "SubscriberTier3000RoleId",
                table: "guild_links");
        }
    }
}
