/**
 * Saves CSV text as a file through a temporary object URL; runs in the browser only. The file
 * starts with a UTF-8 byte order mark, so Excel reads names with accents (and other tenants'
 * scripts) as UTF-8 rather than the system code page.
 */
export const UTF8_BOM = "\uFEFF";

export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([UTF8_BOM, csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
