using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitchRelay.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TokensIssuedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "TokensIssuedAt",
                table: "twitch_accounts",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TokensIssuedAt",
                table: "twitch_accounts");
        }
    }
}
