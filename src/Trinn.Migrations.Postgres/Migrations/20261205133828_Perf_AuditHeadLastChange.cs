using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trinn.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Perf_AuditHeadLastChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastChangeSequence",
                table: "AuditHead",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.UpdateData(
                table: "AuditHead",
                keyColumn: "Id",
                keyValue: 1,
                column: "LastChangeSequence",
                value: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastChangeSequence",
                table: "AuditHead");
        }
    }
}
