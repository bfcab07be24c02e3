using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trinn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Perf_TimeBlockCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TimeBlock_UserId_Date",
                table: "TimeBlock");

            migrationBuilder.CreateIndex(
                name: "IX_TimeBlock_UserId_Date_Category_OutOfOffice_Minutes",
                table: "TimeBlock",
                columns: new[] { "UserId", "Date", "Category", "OutOfOffice", "Minutes" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TimeBlock_UserId_Date_Category_OutOfOffice_Minutes",
                table: "TimeBlock");

            migrationBuilder.CreateIndex(
                name: "IX_TimeBlock_UserId_Date",
                table: "TimeBlock",
                columns: new[] { "UserId", "Date" });
        }
    }
}
