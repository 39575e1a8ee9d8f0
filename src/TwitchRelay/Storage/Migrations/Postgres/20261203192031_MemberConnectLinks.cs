using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitchRelay.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MemberConnectLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_member_links_TwitchUserId",
                table: "member_links",
                column: "TwitchUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_connect_requests");

            migrationBuilder.DropTable(
                name: "member_links");
        }
    }
}
