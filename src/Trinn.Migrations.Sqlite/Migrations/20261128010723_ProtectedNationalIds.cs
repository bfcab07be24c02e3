using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trinn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProtectedNationalIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Candidates_NationalId",
                table: "Candidates");

            migrationBuilder.AddColumn<string>(
                name: "NationalIdHash",
                table: "Candidates",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_NationalIdHash_TeamId",
                table: "Candidates",
                columns: new[] { "NationalIdHash", "TeamId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Candidates_NationalIdHash_TeamId",
                table: "Candidates");

            migrationBuilder.DropColumn(
                name: "NationalIdHash",
                table: "Candidates");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_NationalId",
                table: "Candidates",
                column: "NationalId");
        }
    }
}
