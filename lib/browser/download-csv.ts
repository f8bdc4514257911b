/** Saves CSV text (from toCsv, which starts it with the UTF-8 byte order mark) as a file through a temporary object URL; runs in the browser only. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
