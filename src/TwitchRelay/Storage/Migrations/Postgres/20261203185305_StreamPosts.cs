using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitchRelay.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StreamPosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DeletesMessage",
                table: "deliveries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OfflineAction",
                table: "alert_rules",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "stream_states",
                columns: table => new
                {
                    BroadcasterId = table.Column<string>(type: "text", nullable: false),
                    Login = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    ProfileImageUrl = table.Column<string>(type: "text", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: true),
                    CategoryName = table.Column<string>(type: "text", nullable: true),
                    TitleChangedAt = table.Column<long>(type: "bigint", nullable: true),
                    IsLive = table.Column<bool>(type: "boolean", nullable: false),
                    StreamId = table.Column<string>(type: "text", nullable: true),
                    StreamType = table.Column<string>(type: "text", nullable: true),
                    StreamIds = table.Column<string>(type: "text", nullable: false),
                    Session = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    SessionStartedAt = table.Column<long>(type: "bigint", nullable: true),
                    LiveSince = table.Column<long>(type: "bigint", nullable: true),
                    LastOfflineAt = table.Column<long>(type: "bigint", nullable: true),
                    VodUrl = table.Column<string>(type: "text", nullable: true),
                    VodSearchUntil = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stream_states", x => x.BroadcasterId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stream_states");

            migrationBuilder.DropColumn(
                name: "DeletesMessage",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "OfflineAction",
                table: "alert_rules");
        }
    }
}
