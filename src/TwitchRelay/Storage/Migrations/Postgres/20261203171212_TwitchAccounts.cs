using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitchRelay.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TwitchAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AdminChannelId",
                table: "guild_links",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "link_requests",
                columns: table => new
                {
                    StateHash = table.Column<string>(type: "text", nullable: false),
                    GuildId = table.Column<string>(type: "text", nullable: false),
                    BrowserBindingHash = table.Column<string>(type: "text", nullable: false),
                    RedirectUri = table.Column<string>(type: "text", nullable: false),
                    IsRelink = table.Column<bool>(type: "boolean", nullable: false),
                    IsScopeUpgrade = table.Column<bool>(type: "boolean", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_requests", x => x.StateHash);
                });

            migrationBuilder.CreateTable(
                name: "link_tickets",
                columns: table => new
                {
                    TicketHash = table.Column<string>(type: "text", nullable: false),
                    GuildId = table.Column<string>(type: "text", nullable: false),
                    IsRelink = table.Column<bool>(type: "boolean", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_tickets", x => x.TicketHash);
                });

            migrationBuilder.CreateTable(
                name: "twitch_accounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Login = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    BroadcasterType = table.Column<string>(type: "text", nullable: false),
                    ProfileImageUrl = table.Column<string>(type: "text", nullable: true),
                    ProtectedAccessToken = table.Column<string>(type: "text", nullable: true),
                    ProtectedRefreshToken = table.Column<string>(type: "text", nullable: true),
                    AccessTokenExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    Scopes = table.Column<string>(type: "text", nullable: false),
                    BrokenReason = table.Column<string>(type: "text", nullable: true),
                    BrokenAt = table.Column<long>(type: "bigint", nullable: true),
                    LastValidatedAt = table.Column<long>(type: "bigint", nullable: true),
                    LinkedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_twitch_accounts", x => x.UserId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "link_requests");

            migrationBuilder.DropTable(
                name: "link_tickets");

            migrationBuilder.DropTable(
                name: "twitch_accounts");

            migrationBuilder.DropColumn(
                name: "AdminChannelId",
                table: "guild_links");
        }
    }
}
