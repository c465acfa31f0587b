-- Driven by test_neovim.py in a headless Neovim 0.7+ whose init.lua is the README's
-- snippet: open a note governed by a broken .notelint.yaml, then the config itself, and
-- log the diagnostics each gets. Writes what happened to $NOTELINT_OUT.
local note = os.getenv("NOTELINT_NOTE")
local config = os.getenv("NOTELINT_CONFIG")
local out = os.getenv("NOTELINT_OUT")
local report = {}

local function log(line)
  table.insert(report, line)
end

local function notelint_diagnostics(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == "notelint" then
      table.insert(found, d)
    end
  end
  return found
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(note))
  local note_buf = vim.api.nvim_get_current_buf()
  assert(vim.wait(60000, function() return #notelint_diagnostics(note_buf) > 0 end, 100),
    "the note got no diagnostic")
  vim.cmd("edit " .. vim.fn.fnameescape(config))
  local config_buf = vim.api.nvim_get_current_buf()
  assert(vim.wait(20000, function() return #notelint_diagnostics(config_buf) > 0 end, 100),
    "the config got no diagnostic (is it attached?)")
  for _, client in pairs(vim.lsp.buf_get_clients(config_buf)) do
    log("config attached: " .. client.name)
  end
  for _, d in ipairs(notelint_diagnostics(note_buf)) do
    log(string.format("note: %d:%d %s", d.lnum, d.col, d.message))
  end
  for _, d in ipairs(notelint_diagnostics(config_buf)) do
    log(string.format("config: %d:%d %s", d.lnum, d.col, d.message))
  end
end)

if not ok then
  log("ERROR: " .. tostring(err))
end
local file = io.open(out, "w")
file:write(table.concat(report, "\n") .. "\n")
file:close()
vim.cmd("qall!")
